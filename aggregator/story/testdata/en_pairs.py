# -*- coding: utf-8 -*-
# English test data for the near-duplicate ("same story") detector.
# EN_SAME2:  (title_a, body_a, title_b, body_b) -- one event, two independent outlets.
# EN_FLASH2: (flash_title, flash_body, k) -- wire flash for the event of EN_SAME2[k] (its B side).
# EN_TOPIC:  (title_a, body_a, title_b, body_b, hours_apart) -- hard negatives, different stories.
#
# Provenance: written on 2026-12-07 by a helper session given only this brief: one event told by two
# independent English outlets (reworded headlines, paraphrased bodies, the same key figures, varied
# subjects, at least 8 without numbers in the headline); one-line wire flashes of 10 of them; and 34
# different stories that share a company, a topic or a kind of event, 1-20 h apart, that a careful
# editor would never merge (no event-and-reaction or follow-up pairs). The helper never saw the
# detector or its scores. The events are invented.

EN_SAME2 = [
    # 0 company earnings
    (
        "Nordvale Foods quarterly profit jumps 18% as price increases stick",
        "STOCKHOLM (Reuters) - Nordvale Foods reported an 18% rise in third-quarter operating profit on Thursday, as higher prices for its frozen meals and snacks more than offset softer volumes in Germany and Britain. The Swedish group kept its full-year outlook unchanged and said it expected input cost inflation to ease in the coming months.",
        "Nordvale Q3 earnings climb 18 pct, full-year guidance held",
        "Swedish packaged-food maker Nordvale Foods said on Thursday its operating profit for July-September grew 18 percent from a year earlier, helped by price hikes across its frozen and snack ranges. Sales volumes slipped in its two largest markets, Germany and the UK. \"Consumers remain cautious, but our brands are holding up,\" chief executive Lena Brandt told analysts. Nordvale reiterated its guidance for the year.",
    ),
    # 1 M&A
    (
        "Halbrook Pharma to buy cancer drug developer Celtrix for $4.2 billion",
        "NEW YORK, March 3 (AP) \u2014 Halbrook Pharmaceuticals said Monday it has agreed to acquire Celtrix Therapeutics for $4.2 billion in cash, betting on the smaller company's experimental treatments for lung and pancreatic cancer. Halbrook will pay $38 a share, a premium of about 45% over Celtrix's closing price on Friday. The deal, approved by both boards, is expected to close in the third quarter.",
        "Halbrook agrees $4.2bn all-cash deal for biotech Celtrix",
        "<p>Halbrook Pharmaceuticals has struck a $4.2bn all-cash deal for Celtrix Therapeutics, adding a pipeline of oncology drugs as several of its best-selling medicines near patent expiry.</p><p>The $38-per-share offer values the Boston-based biotech at roughly 45% above its last close. Halbrook&#8217;s chief executive said the purchase would be funded with cash on hand &amp; new debt and should be completed in the third quarter.</p>",
    ),
    # 2 central bank
    (
        "Bank of England cuts interest rates to 4.5%",
        "LONDON (Reuters) - The Bank of England lowered its benchmark Bank Rate by a quarter point to 4.5% on Thursday, its third cut in the current easing cycle, as inflation moved closer to its 2% target. The Monetary Policy Committee voted 7-2 for the move, with two members preferring a larger reduction. Governor Andrew Bailey said future cuts would be \"gradual and careful\".",
        "BoE lowers Bank Rate by quarter point to 4.5 percent, signals gradual path",
        "The Bank of England trimmed borrowing costs to 4.5 percent from 4.75 percent on Thursday, saying easing price pressures allowed it to keep reducing rates. Seven of the nine policymakers backed the quarter-point cut while two wanted a half-point move. Governor Andrew Bailey stressed the central bank would proceed in a \"gradual and careful\" manner given uncertainty over wage growth.",
    ),
    # 3 court ruling (no numbers in headlines)
    (
        "Judge blocks Marlow Grocers' takeover of FreshWay",
        "A federal judge in Oregon on Tuesday blocked Marlow Grocers from acquiring rival supermarket chain FreshWay, siding with the Federal Trade Commission, which argued the merger would raise food prices and hurt unionized workers. The ruling is a major setback for the companies, which had proposed selling hundreds of stores to a smaller operator to win approval. Marlow said it was reviewing the decision.",
        "US court halts Marlow's acquisition of supermarket rival FreshWay",
        "PORTLAND, Ore. (AP) \u2014 A U.S. district court on Tuesday granted the FTC's request for a preliminary injunction against Marlow Grocers' planned purchase of FreshWay, effectively halting the deal. The judge found the combination would likely reduce competition for shoppers and grocery workers, and that the companies' offer to divest stores to a third party was not enough to resolve the concerns. FreshWay said it was \"disappointed\".",
    ),
    # 4 election (no numbers in headlines)
    (
        "Social Democrats win most seats in Latvian parliamentary election",
        "RIGA (Reuters) - Latvia's opposition Social Democrats won the largest share of seats in Saturday's parliamentary election, preliminary results showed on Sunday, but fell short of a majority and will need coalition partners to govern. Party leader Mara Ozola said she would begin talks with centrist groups this week. The ruling New Unity party came second.",
        "Latvia's opposition Social Democrats top vote, will need coalition",
        "<p>Latvia&#8217;s Social Democrats emerged as the biggest party in the weekend parliamentary vote, according to preliminary results released on Sunday, pushing the governing New Unity party into second place.</p><p>Without an outright majority, leader Mara Ozola must now assemble a coalition. &quot;Voters asked for change, and we will deliver it with responsible partners,&quot; she told supporters in Riga.</p>",
    ),
    # 5 earthquake
    (
        "Magnitude 6.8 earthquake strikes off northern Chile",
        "SANTIAGO (Reuters) - A magnitude 6.8 earthquake struck off the coast of northern Chile on Wednesday, the U.S. Geological Survey said, shaking buildings in the port city of Antofagasta. There were no immediate reports of casualties or major damage, and Chile's navy said the quake did not meet the conditions to generate a tsunami.",
        "Strong 6.8 quake hits off Chile's coast, no tsunami threat",
        "A powerful earthquake of magnitude 6.8 rattled northern Chile on Wednesday, according to the USGS, sending residents of Antofagasta into the streets. Authorities said they had received no reports of injuries. The Chilean navy's hydrographic service ruled out a tsunami along the coast, and copper miners in the region said operations were running normally after inspections.",
    ),
    # 6 hurricane
    (
        "Hurricane Delia makes landfall in Louisiana as Category 3 storm",
        "NEW ORLEANS (AP) \u2014 Hurricane Delia roared ashore near Grand Isle, Louisiana, early Friday as a Category 3 storm with maximum sustained winds of 120 mph, the National Hurricane Center said. More than 300,000 homes and businesses lost power as the storm pushed inland, and officials warned of life-threatening storm surge along the coast.",
        "Delia slams Louisiana coast with 120 mph winds, knocking out power",
        "Hurricane Delia hit the Louisiana coast on Friday morning as a major Category 3 hurricane packing winds of 120 miles per hour, forecasters said. The storm came ashore near Grand Isle and cut electricity to over 300,000 customers. The state's governor urged residents of low-lying parishes to stay indoors. \"This is not the time to go out and look at the damage,\" he said.",
    ),
    # 7 sports result
    (
        "Arsenal beat Newcastle 2-1 to go top of Premier League",
        "LONDON (Reuters) - Arsenal came from behind to beat Newcastle United 2-1 at the Emirates Stadium on Sunday and move to the top of the Premier League table. Anthony Gordon gave the visitors the lead before Bukayo Saka equalised just before halftime, and Declan Rice headed the winner in the 78th minute.",
        "Rice header earns Arsenal 2-1 win over Newcastle, Gunners go top",
        "Declan Rice's late header gave Arsenal a 2-1 victory over Newcastle on Sunday, lifting Mikel Arteta's side to first place in the Premier League. Newcastle had gone ahead through Anthony Gordon, but Bukayo Saka levelled before the break. \"We showed character,\" Arteta said. \"To come back against a team like that tells you a lot.\"",
    ),
    # 8 space (no numbers in headlines)
    (
        "Japan's lunar lander touches down near moon's south pole",
        "TOKYO (Reuters) - Japan's space agency JAXA said on Saturday its robotic lander had touched down on the moon near the lunar south pole, making Japan the latest country to achieve a soft landing. Officials said the spacecraft was communicating with ground control, but they were still checking whether its solar panels were generating power.",
        "JAXA spacecraft lands on the Moon, power status being checked",
        "<p>Japan has landed a spacecraft on the Moon, the Japan Aerospace Exploration Agency (JAXA) announced on Saturday, with the probe setting down in the south polar region.</p><p>The lander is sending data back to Earth, but engineers have not yet confirmed that its solar cells are producing electricity, JAXA officials told a news conference. &quot;We achieved a soft landing,&quot; the agency&#8217;s president said.</p>",
    ),
    # 9 tech product launch
    (
        "Orbis unveils foldable laptop priced at $2,499",
        "SAN FRANCISCO (Reuters) - Orbis Technologies on Tuesday unveiled its first foldable laptop, a device with a 17-inch flexible screen that folds to the size of a hardcover book, priced at $2,499. The company said the Orbis Fold Book would ship in the United States and Europe next month, as PC makers look for new designs to revive sluggish demand.",
        "Orbis bets on folding screens with $2,499 Fold Book laptop",
        "Orbis has launched the Fold Book, a laptop whose 17-inch OLED display bends in half, at a starting price of $2,499. Announced at an event in San Francisco on Tuesday, the machine goes on sale in the US and Europe next month. Analysts said the high price would limit it to enthusiasts, but that the design showed how manufacturers are trying to stand out in a flat PC market.",
    ),
    # 10 strike (no numbers in headlines)
    (
        "Dock workers at Rotterdam port walk out over pay",
        "AMSTERDAM (Reuters) - Dock workers at the port of Rotterdam, Europe's largest, began a strike on Monday after talks with terminal operators over wages and automation broke down, the FNV union said. Container handling at several terminals was halted, and shipping companies warned of delays for cargo bound for Germany and central Europe.",
        "Rotterdam port strike halts container terminals as wage talks collapse",
        "<p>Workers at the Port of Rotterdam walked off the job on Monday, bringing several container terminals to a standstill after negotiations over pay and the use of automated cranes failed.</p><p>The FNV trade union said the action would continue until employers improved their offer. Shipping lines told customers to expect disruption to deliveries heading to Germany and beyond.</p>",
    ),
    # 11 health regulation (no numbers in headlines)
    (
        "FDA approves first pill to treat peanut allergy in children",
        "WASHINGTON (AP) \u2014 The U.S. Food and Drug Administration on Friday approved the first oral pill to reduce the risk of severe reactions to peanuts in children, giving families an alternative to powder-based therapy. The drug, made by Allerion Bio, is taken once a day and gradually builds tolerance. It does not cure the allergy, and patients must still avoid peanuts, the agency said.",
        "US regulator clears Allerion's peanut allergy tablet for kids",
        "Allerion Bio said on Friday the Food and Drug Administration had approved its once-daily tablet for children with peanut allergy, the first pill of its kind. The medicine is meant to lower the chance of life-threatening reactions from accidental exposure rather than cure the condition. \"This gives parents a simpler option,\" Allerion chief executive Mark Dorsey said. Shares of the company jumped in premarket trading.",
    ),
    # 12 transport accident
    (
        "Train derails in eastern India, killing at least 14",
        "NEW DELHI (Reuters) - At least 14 people were killed and dozens injured when several coaches of a passenger train derailed in the eastern Indian state of Bihar late on Wednesday, officials said. Rescue teams worked through the night to pull passengers from overturned carriages. The cause of the accident was under investigation.",
        "At least 14 dead after passenger train derails in India's Bihar",
        "PATNA, India (AP) \u2014 A passenger train jumped the tracks in Bihar state late Wednesday, killing at least 14 people and injuring dozens more, railway officials said. Several carriages overturned near the town of Buxar, and rescuers used cutting equipment to reach trapped passengers. The railway minister ordered an inquiry and announced compensation for the victims' families.",
    ),
    # 13 bank earnings
    (
        "Westbridge Bank posts record $3.1 billion quarterly profit",
        "NEW YORK (Reuters) - Westbridge Bank reported a record quarterly profit of $3.1 billion on Friday, driven by a surge in investment banking fees and trading revenue as corporate dealmaking rebounded. Net interest income was little changed from a year earlier. Chief Executive Karen Holt said the bank was \"well positioned\" for a stronger economy.",
        "Westbridge Q2 net income hits record $3.1 bln on dealmaking rebound",
        "<p>Westbridge Bank&#8217;s second-quarter earnings rose to a record $3.1 bln, the lender said on Friday, as advisory and underwriting fees climbed sharply and its traders benefited from volatile markets.</p><p>Income from lending was roughly flat compared with the same period last year. Shares of the bank rose in premarket trading.</p>",
    ),
    # 14 M&A (no numbers in headlines)
    (
        "Veritel agrees to merge with rival Sonar Telecom",
        "MADRID (Reuters) - Spanish mobile operator Veritel agreed on Monday to merge with smaller rival Sonar Telecom in an all-share deal, creating the country's second-largest telecoms group by customers. The companies said the combination would generate cost savings from shared networks and allow more investment in fibre. The deal requires approval from European Commission competition authorities.",
        "Spain's Veritel and Sonar Telecom to combine in all-stock merger",
        "Veritel and Sonar Telecom will join forces, the two Spanish carriers announced on Monday, in a share-swap transaction that would leave the merged company second only to Telefonica in subscribers. Executives said they expect the deal to cut costs and speed up the fibre rollout. EU antitrust regulators must sign off, and Veritel shareholders will own the majority of the new group.",
    ),
    # 15 central bank (no numbers in headlines)
    (
        "Fed holds rates steady, signals patience on cuts",
        "WASHINGTON (Reuters) - The Federal Reserve left interest rates unchanged on Wednesday and said it needed more evidence that inflation is cooling before lowering borrowing costs. In its policy statement, the Fed said the economy continued to expand at a solid pace and the labor market remained strong. Chair Jerome Powell told reporters the central bank was \"in no hurry\" to cut.",
        "Federal Reserve keeps borrowing costs on hold, Powell says no rush to ease",
        "The U.S. Federal Reserve kept its benchmark rate where it was at the end of its policy meeting on Wednesday, saying officials wanted greater confidence that price pressures were easing. Policymakers described economic growth as solid and unemployment as low. \"We are in no hurry,\" Fed Chair Jerome Powell said at his press conference, adding that decisions would be made meeting by meeting.",
    ),
    # 16 court ruling / regulation
    (
        "EU court upholds 1.8 billion euro fine on Streamly",
        "LUXEMBOURG (Reuters) - Europe's second-highest court on Wednesday upheld a 1.8 billion euro antitrust fine imposed on music streaming company Streamly for abusing its dominant position, dismissing the company's appeal. The European Commission had found that Streamly unfairly favoured its own podcasts in search results. Streamly can still appeal to the Court of Justice.",
        "Streamly loses appeal against \u20ac1.8bn EU antitrust penalty",
        "Streamly has lost its challenge to a \u20ac1.8bn fine from Brussels, after the EU General Court ruled on Wednesday that the Commission had been right to punish the streaming service for promoting its own podcasts over rivals'. The company said it was disappointed and would consider a further appeal to the EU's top court. \"Today's judgment confirms that dominant platforms must play fair,\" the Commission said.",
    ),
    # 17 politics (no numbers in headlines)
    (
        "Czech government survives no-confidence vote in parliament",
        "PRAGUE (Reuters) - The Czech government survived a no-confidence vote on Friday after opposition parties failed to muster a majority in the lower house of parliament. The opposition had accused the coalition of mishandling energy prices and a pension reform. Prime Minister Petr Novak called the motion \"political theatre\".",
        "Czech cabinet defeats opposition bid to topple it",
        "<p>The Czech coalition government comfortably beat back an opposition motion of no confidence on Friday, with the motion falling well short of the majority needed in the Chamber of Deputies.</p><p>Opposition lawmakers had criticised the cabinet&#8217;s handling of energy costs and pensions. Prime Minister Petr Novak dismissed the attempt as &quot;political theatre&quot; and said his government would focus on the budget.</p>",
    ),
    # 18 disaster: wildfire
    (
        "Wildfire forces evacuation of 12,000 in southern California",
        "LOS ANGELES (AP) \u2014 A fast-moving wildfire in the hills north of Los Angeles forced about 12,000 residents to evacuate on Tuesday as strong Santa Ana winds drove flames toward homes, fire officials said. The blaze, dubbed the Canyon Fire, was not contained by evening, and several schools in the area were closed.",
        "Canyon Fire prompts 12,000 evacuations near Los Angeles",
        "Around 12,000 people were ordered out of their homes north of Los Angeles on Tuesday as the wind-whipped Canyon Fire spread through dry brush, authorities said. Firefighters had no containment on the blaze by nightfall. California's governor declared a state of emergency for the area, freeing up state resources to fight the fire.",
    ),
    # 19 sports (no numbers in headlines)
    (
        "Alcaraz beats Zverev to win Madrid Open title",
        "MADRID (Reuters) - Carlos Alcaraz won the Madrid Open on Sunday, beating Alexander Zverev 6-4 6-3 in the final to claim his third title at the Caja Magica. The Spaniard broke serve early in both sets and never faced a break point. \"Winning here in front of my people is always special,\" Alcaraz said.",
        "Home favourite Alcaraz downs Zverev in Madrid final",
        "Carlos Alcaraz delighted the home crowd by defeating Germany's Alexander Zverev 6-4, 6-3 to lift the Madrid Open trophy on Sunday. The Spaniard dominated from the baseline and did not drop serve all match against the German. It was Alcaraz's third Madrid crown, making him the most successful player in the tournament's recent history.",
    ),
    # 20 science / health study
    (
        "Daily brisk walking linked to 30% lower dementia risk, study finds",
        "Adults who walked briskly every day had a 30% lower risk of developing dementia over a decade, according to a large study published on Wednesday in the journal Neurology. Researchers followed more than 80,000 people in Britain using wrist-worn activity trackers. The authors cautioned that the study showed an association rather than proof that walking prevents the disease.",
        "Brisk walks may cut dementia risk by 30 percent - UK study",
        "<p>LONDON (Reuters) - Walking at a brisk pace every day was associated with a 30 percent reduction in the risk of dementia, scientists reported in Neurology on Wednesday.</p><p>The team tracked over 80,000 British adults who wore activity monitors for about ten years. &quot;You don&#8217;t need to run marathons,&quot; said lead author Helen Marsh. She noted the findings did not prove that walking prevents dementia.</p>",
    ),
    # 21 tech outage (no numbers in headlines)
    (
        "Microsoft outage disrupts Outlook and Teams for users worldwide",
        "SEATTLE (Reuters) - Microsoft's Outlook email and Teams messaging services went down for users around the world on Monday, the company said, disrupting work at businesses and schools. Microsoft said it had identified a faulty configuration change and was rolling it back. Outage tracking website Downdetector showed tens of thousands of user reports at the peak.",
        "Outlook, Teams down globally as Microsoft rolls back faulty update",
        "Users of Microsoft Outlook and Teams across the globe were unable to send email or join meetings on Monday after what the company described as a problematic configuration change. \"We've reverted the change and are monitoring recovery,\" Microsoft said in a post on X. Services were gradually returning by midafternoon, according to Downdetector.",
    ),
    # 22 labour: strike ends
    (
        "Kessler Motors workers ratify contract, ending six-week strike",
        "DETROIT (Reuters) - Workers at Kessler Motors voted to ratify a new four-year labor contract, ending a six-week strike that shut down the automaker's U.S. assembly plants, the United Auto Workers union said on Thursday. About 64% of members who cast ballots approved the deal, which includes a 25% wage increase over the life of the contract.",
        "UAW members approve Kessler deal, end 6-week walkout",
        "<p>Striking Kessler Motors employees have approved a new four-year agreement, the UAW said Thursday, with 64% voting in favour, bringing an end to a six-week stoppage at the carmaker&#8217;s American factories.</p><p>The contract raises wages 25% over its term &amp; restores cost-of-living adjustments. Production is expected to resume next week.</p>",
    ),
    # 23 health / WHO (no numbers in headlines)
    (
        "WHO declares mpox outbreak a global health emergency",
        "GENEVA (Reuters) - The World Health Organization on Wednesday declared a new mpox outbreak in central Africa a public health emergency of international concern, its highest level of alert, after the virus spread to several neighbouring countries. Director-General Tedros Adhanom Ghebreyesus said a coordinated international response was needed to stop transmission and save lives.",
        "World Health Organization sounds top alert over spreading mpox",
        "The World Health Organization has declared mpox a public health emergency of international concern, WHO chief Tedros Adhanom Ghebreyesus announced on Wednesday, citing the rapid spread of a new strain beyond central Africa. The designation is the agency's highest alarm and is meant to spur funding and cooperation on vaccines. \"This is something that should concern us all,\" Tedros said.",
    ),
    # 24 transport accident
    (
        "Plane skids off runway in Kathmandu, all 72 aboard survive",
        "KATHMANDU (Reuters) - A domestic passenger plane skidded off the runway while landing at Kathmandu's Tribhuvan International Airport in heavy rain on Saturday, but all 72 passengers and crew escaped, officials said. Several people were treated for minor injuries. The airport was closed for several hours while the aircraft was removed.",
        "All 72 on board safe after Nepal plane overshoots runway",
        "<p>KATHMANDU, Nepal (AP) &#8212; All 72 people aboard a Himal Air turboprop survived when it overran the runway on landing at Kathmandu&#8217;s airport during a downpour Saturday, aviation authorities said.</p><p>A few passengers suffered minor injuries. Flights were suspended for several hours as crews cleared the aircraft from the runway.</p>",
    ),
    # 25 economic data
    (
        "US weekly jobless claims fall to 212,000",
        "WASHINGTON (Reuters) - The number of Americans filing new claims for unemployment benefits fell last week to 212,000, the Labor Department said on Thursday, pointing to a still-resilient job market. The figure was below economists' expectations. Continuing claims, a proxy for hiring, also declined.",
        "Initial jobless claims drop to 212K, beating forecasts",
        "Initial applications for U.S. state unemployment benefits decreased to 212K in the week ended Saturday, Labor Department data showed Thursday, lower than economists had expected. The report suggested layoffs remain low despite higher borrowing costs. The number of people continuing to receive benefits also fell.",
    ),
    # 26 energy / OPEC
    (
        "OPEC+ agrees to extend oil output cuts to end of 2025",
        "VIENNA (Reuters) - OPEC+ agreed on Sunday to extend its oil production cuts until the end of 2025 as the group seeks to support prices amid weak demand growth and rising output from rivals, according to sources and a statement after an online meeting. The cuts total about 2 million barrels per day.",
        "OPEC and allies prolong supply curbs through 2025",
        "<p>The Organization of the Petroleum Exporting Countries and its allies, known as OPEC+, decided on Sunday to keep production cuts in place through the end of 2025, according to a statement after a virtual ministerial meeting.</p><p>The group, led by Saudi Arabia and Russia, is trying to shore up prices. Its curbs amount to roughly 2 million barrels a day.</p>",
    ),
    # 27 corporate / aviation (no numbers in headlines)
    (
        "Ardent Airlines CEO steps down amid safety probe",
        "CHICAGO (Reuters) - Ardent Airlines Chief Executive Tom Weller resigned on Monday, the carrier said, weeks after federal regulators opened an investigation into maintenance lapses at the company. Chief Financial Officer Priya Nair will serve as interim CEO while the board searches for a permanent replacement. Ardent shares rose in after-hours trading.",
        "Ardent Airlines chief Tom Weller quits as regulators scrutinize maintenance",
        "Tom Weller has stepped down as chief executive of Ardent Airlines, the company announced Monday, as the Federal Aviation Administration investigates its aircraft maintenance practices. Finance chief Priya Nair was named interim CEO. In a statement, Weller said it was \"the right time for new leadership\" to restore confidence. The board has hired a search firm to find a successor.",
    ),
]

EN_FLASH2 = [
    (
        "BREAKING: Halbrook to buy Celtrix for $4.2 bln",
        "Halbrook Pharmaceuticals agrees to acquire Celtrix Therapeutics for $4.2 billion in cash.",
        1,
    ),
    (
        "Judge blocks Marlow's FreshWay takeover - court filing",
        "A U.S. judge grants the FTC an injunction halting Marlow Grocers' purchase of FreshWay.",
        3,
    ),
    (
        "Magnitude 6.8 quake strikes off northern Chile - USGS",
        "A magnitude 6.8 earthquake hits off northern Chile; navy says no tsunami expected.",
        5,
    ),
    (
        "FULL TIME: Arsenal beat Newcastle 2-1, go top",
        "Declan Rice header gives Arsenal a 2-1 win over Newcastle and first place in the Premier League.",
        7,
    ),
    (
        "BREAKING: Rotterdam dock workers walk out over pay",
        "Strike halts container terminals at Port of Rotterdam after wage talks collapse, FNV union says.",
        10,
    ),
    (
        "FLASH: Fed leaves rates unchanged, says no hurry",
        "The Federal Reserve keeps its benchmark rate on hold, says it needs more confidence inflation is easing.",
        15,
    ),
    (
        "EU court upholds Streamly's \u20ac1.8 bln fine",
        "EU General Court dismisses Streamly appeal against \u20ac1.8bn antitrust fine.",
        16,
    ),
    (
        "BREAKING: WHO declares mpox global health emergency",
        "WHO declares mpox outbreak a public health emergency of international concern.",
        23,
    ),
    (
        "All 72 aboard safe after Kathmandu runway skid",
        "Passenger plane overruns runway on landing in Kathmandu in heavy rain; all 72 on board survive - officials.",
        24,
    ),
    (
        "Ardent Airlines CEO Weller resigns - statement",
        "Ardent Airlines says CEO Tom Weller has stepped down; CFO Priya Nair named interim chief.",
        27,
    ),
]

EN_TOPIC = [
    # --- same company, unrelated items ---
    (
        "Apple recalls some USB-C power adapters in Europe over shock risk",
        "CUPERTINO, Calif. (Reuters) - Apple Inc said on Tuesday it was voluntarily recalling certain USB-C power adapters sold in Europe after finding that, in rare cases, the plug prongs could break off and expose users to an electric shock. Customers can exchange affected adapters free of charge at Apple Stores or authorized service providers, the company said, adding it was not aware of any injuries.",
        "Apple loses EU court appeal over App Store music streaming case",
        "LUXEMBOURG (Reuters) - Apple Inc on Tuesday lost its challenge against a European Commission antitrust decision over its App Store rules, after the EU General Court ruled the company had unfairly stopped music streaming apps from telling users about cheaper subscription options outside the store. Apple said it would study the judgment and consider an appeal to the Court of Justice.",
        5,
    ),
    (
        "Tesla lowers Model Y prices in China as price war heats up",
        "SHANGHAI (Reuters) - Tesla cut prices of its Model Y sport utility vehicle in China on Thursday, its latest reduction in the world's biggest car market, where it faces fierce competition from BYD and other domestic electric vehicle makers. Tesla also extended zero-interest financing offers for buyers, according to its Chinese website.",
        "US regulator opens probe into Tesla Full Self-Driving after crashes",
        "WASHINGTON (AP) \u2014 U.S. auto safety regulators said Thursday they have opened an investigation into Tesla's Full Self-Driving software after reports of crashes in low-visibility conditions such as fog and sun glare, including one that killed a pedestrian. The National Highway Traffic Safety Administration said the probe covers Tesla vehicles equipped with the driver-assistance software, including the Model Y sport utility vehicle.",
        7,
    ),
    (
        "Boeing names company veteran to lead commercial airplanes unit",
        "SEATTLE (Reuters) - Boeing on Friday appointed Daniel Ruiz, a company veteran who ran its global services business, as head of its commercial airplanes division, replacing an executive who is retiring. Ruiz takes over as the planemaker works to raise production of its best-selling narrowbody jets under close scrutiny from U.S. regulators.",
        "Boeing Starliner capsule returns to Earth without its crew",
        "LAS CRUCES, N.M. (AP) \u2014 Boeing's Starliner capsule landed in the New Mexico desert late Friday without the NASA astronauts it carried to the International Space Station, ending a troubled test flight. The astronauts will remain on the station and return on a SpaceX capsule after NASA decided thruster problems made it too risky for them to fly home aboard the Boeing spacecraft.",
        10,
    ),
    (
        "Amazon opens its first fulfillment center in Chile",
        "SANTIAGO (Reuters) - Amazon.com Inc opened its first fulfillment center in Chile on Wednesday, a warehouse on the outskirts of Santiago that the company said would speed up deliveries for Prime members and create hundreds of jobs. The e-commerce giant has been expanding its logistics network across Latin America to compete with MercadoLibre.",
        "Amazon warehouse workers in Germany strike during Prime Day",
        "BERLIN (Reuters) - Workers at several Amazon fulfillment centers in Germany walked off the job on Wednesday, the Verdi union said, timing the strike to coincide with the company's Prime Day sales event. Verdi has for years demanded that Amazon recognize collective bargaining agreements for the retail and mail-order sector. Amazon said deliveries to Prime members were not affected.",
        6,
    ),
    (
        "Shell agrees to sell Nigerian onshore oil business",
        "LONDON (Reuters) - Shell has agreed to sell its Nigerian onshore oil and gas subsidiary to a consortium of local companies, the energy major said on Tuesday, continuing its retreat from a region plagued by oil theft and pipeline spills. Shell will keep its deepwater operations in Nigeria. The deal requires approval from Nigerian regulators.",
        "Shell shareholders reject climate resolution at annual meeting",
        "LONDON (Reuters) - Shell investors on Tuesday voted down a resolution filed by activist group Follow This that called on the energy major to align its emissions targets with the Paris climate agreement. Shell's board had urged shareholders to oppose the proposal, arguing its existing strategy was consistent with the energy transition. Protesters gathered outside the meeting in London.",
        3,
    ),
    (
        "Nestle recalls infant formula batches in France over contamination fears",
        "PARIS (Reuters) - Nestle is recalling several batches of its infant formula sold in France after tests found possible bacterial contamination at a factory, the Swiss food group and French health authorities said on Monday. Parents were urged not to use the affected products and to return them to stores for a refund. No illnesses have been reported.",
        "Nestle replaces chief executive in surprise board decision",
        "VEVEY, Switzerland (Reuters) - Nestle said on Monday its chief executive would step down with immediate effect and be replaced by a longtime company insider, a surprise move as the world's largest food group struggles with sluggish sales growth. The chairman said the board had decided new leadership was needed to restore momentum. Nestle shares fell in Zurich trading.",
        11,
    ),
    (
        "Google unveils new Pixel phones packed with AI features",
        "MOUNTAIN VIEW, Calif. (AP) \u2014 Google on Tuesday unveiled its latest Pixel smartphones, leaning heavily on artificial intelligence features powered by its Gemini assistant as it tries to win market share from Apple and Samsung. The new phones, along with a Pixel Watch and earbuds, go on sale later this month.",
        "Google must face US antitrust trial over ad tech, judge rules",
        "ALEXANDRIA, Va. (Reuters) - A U.S. judge on Tuesday rejected Google's request to throw out a Justice Department lawsuit accusing it of monopolizing online advertising technology, clearing the way for a trial. The government alleges Google, a unit of Alphabet, abused its dominance of tools used by publishers and advertisers. Google said the case was without merit.",
        4,
    ),
    (
        "Vantex CEO resigns after clash with board over strategy",
        "DETROIT (Reuters) - Vantex Motors Chief Executive Alan Pierce resigned on Wednesday after disagreements with the board over the electric vehicle maker's expansion plans, the company said. Chief Operating Officer Julia Chen will serve as interim CEO. Vantex said the search for a permanent successor would begin immediately.",
        "Vantex launches its first electric pickup truck",
        "DETROIT (AP) \u2014 Vantex Motors on Wednesday unveiled its first electric pickup truck, the Ridgeback, aiming to take on Ford and Tesla in one of the most profitable segments of the U.S. auto market. The electric vehicle maker said deliveries would begin early next year from its plant in Tennessee and that it was already taking reservations.",
        14,
    ),
    (
        "Volkswagen to close Audi plant in Brussels",
        "BRUSSELS (Reuters) - Volkswagen's Audi brand will close its factory in Brussels early next year, the company said on Thursday, after failing to find an investor to take over the site, which builds electric SUVs. Thousands of workers face job losses, and unions called the decision a black day for Belgian industry.",
        "Volkswagen recalls Golf cars over faulty airbag part",
        "WOLFSBURG, Germany (Reuters) - Volkswagen is recalling Golf hatchbacks worldwide because a defective part may prevent the driver's airbag from deploying properly in a crash, Germany's KBA motor transport authority said on Thursday. Dealers will replace the part free of charge. Volkswagen said it was not aware of any accidents linked to the fault.",
        2,
    ),
    (
        "Ryanair warns of lower summer fares as bookings slow",
        "DUBLIN (Reuters) - Ryanair warned on Monday that summer fares would be lower than a year earlier as consumers became more price-conscious, sending its shares lower. Chief Executive Michael O'Leary said bookings were solid but customers were waiting longer to book, forcing the airline to stimulate demand with cheaper tickets.",
        "Ryanair loses Irish court case over passenger refund refusals",
        "DUBLIN (Reuters) - Ireland's High Court on Monday ruled against Ryanair in a case brought by the consumer protection regulator over the airline's refusal to refund passengers whose flights were cancelled, the regulator said. Ryanair said it would study the judgment and was considering an appeal.",
        6,
    ),
    (
        "Nvidia unveils next-generation AI chip platform at Computex",
        "TAIPEI (Reuters) - Nvidia Chief Executive Jensen Huang on Monday unveiled the company's next-generation artificial intelligence chip platform at the Computex trade show in Taipei, saying it would ship next year as demand for AI data centers keeps growing. Huang also announced new networking products and partnerships with Taiwanese manufacturers.",
        "China opens antitrust investigation into Nvidia over Mellanox deal",
        "BEIJING (Reuters) - China's market regulator said on Monday it had opened an investigation into Nvidia for suspected violations of the country's anti-monopoly law related to its acquisition of Israeli networking firm Mellanox. The announcement comes amid rising trade tensions between Beijing and Washington over advanced chips. Nvidia did not immediately respond to a request for comment.",
        6,
    ),
    # --- same kind of event, different subjects ---
    (
        "Toyota recalls SUVs in US over fuel pump defect",
        "DETROIT (AP) \u2014 Toyota is recalling sport utility vehicles in the United States because the fuel pump can fail, causing the engine to stall while driving and raising the risk of a crash, the National Highway Traffic Safety Administration said Monday. Dealers will replace the fuel pump free of charge. Owners will be notified by mail.",
        "Honda recalls minivans in US over sliding door problem",
        "DETROIT (AP) \u2014 Honda is recalling Odyssey minivans in the United States because the power sliding doors can open while the vehicle is moving, raising the risk of injury, the National Highway Traffic Safety Administration said Monday. Dealers will update the door control software free of charge, and owners will be notified by mail.",
        3,
    ),
    (
        "Bank of Canada holds key interest rate at 4.25%",
        "OTTAWA (Reuters) - The Bank of Canada kept its benchmark overnight rate at 4.25% on Wednesday, pausing after a series of cuts as it weighs the impact of U.S. tariffs on the economy. Governor Tiff Macklem said the central bank was ready to act if the trade conflict weakened growth further.",
        "Reserve Bank of Australia leaves cash rate on hold at 4.10%",
        "SYDNEY (Reuters) - The Reserve Bank of Australia held its cash rate at 4.10% on Wednesday, as expected, saying it needed more confidence that inflation was returning sustainably to target before easing further. Governor Michele Bullock said the central bank was watching global trade tensions closely.",
        10,
    ),
    (
        "ECB keeps interest rates unchanged, Lagarde sees inflation easing",
        "FRANKFURT (Reuters) - The European Central Bank left interest rates unchanged on Thursday, as expected, saying inflation in the euro zone was moving toward its target but that it was too early to declare victory. ECB President Christine Lagarde told a news conference that policymakers would remain data-dependent and were not pre-committing to any rate path.",
        "Swiss National Bank holds rates steady, warns on strong franc",
        "ZURICH (Reuters) - The Swiss National Bank kept its policy rate unchanged on Thursday and said it remained willing to intervene in currency markets if needed, as the strong Swiss franc weighed on exporters. SNB Chairman Martin Schlegel told a news conference that inflation was low and that the central bank was not pre-committing to future moves.",
        4,
    ),
    (
        "US judge rejects Meta bid to dismiss FTC monopoly lawsuit",
        "WASHINGTON (Reuters) - A U.S. judge on Wednesday refused to dismiss the Federal Trade Commission's antitrust lawsuit accusing Meta Platforms of illegally maintaining a social media monopoly through its acquisitions of Instagram and WhatsApp. The ruling means the case will go to trial. Meta said it was confident the evidence would show the acquisitions were good for competition and consumers.",
        "Appeals court revives drivers' lawsuit against Uber over employment status",
        "SAN FRANCISCO (Reuters) - A U.S. appeals court on Wednesday revived a lawsuit accusing Uber Technologies of misclassifying its drivers as independent contractors rather than employees, reversing a lower court judge who had dismissed the case. Uber said it disagreed with the ruling and was reviewing its options, including an appeal.",
        6,
    ),
    (
        "Supreme Court sides with Starbucks in union dispute",
        "<p>WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday sided with Starbucks in a dispute with the National Labor Relations Board over the firing of workers involved in a union campaign at a Memphis coffee shop, making it harder for the agency to win court orders against companies.</p><p>The coffee chain welcomed the ruling.</p>",
        "Supreme Court rejects Johnson & Johnson appeal in talc case",
        "<p>WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday declined to hear an appeal by Johnson &amp; Johnson challenging a verdict in favour of women who said the company&#8217;s talc products caused their ovarian cancer.</p><p>J&amp;J said it disagreed with the decision and continued to believe its products were safe.</p>",
        2,
    ),
    (
        "Magnitude 5.9 earthquake shakes eastern Turkey, buildings damaged",
        "ISTANBUL (Reuters) - A magnitude 5.9 earthquake struck eastern Turkey's Malatya province on Tuesday, damaging several buildings and sending frightened residents into the streets, the AFAD disaster agency said. There were no immediate reports of deaths, and search teams were checking damaged structures.",
        "Magnitude 6.1 earthquake jolts central Japan, no tsunami warning",
        "TOKYO (Reuters) - A magnitude 6.1 earthquake struck central Japan on Tuesday, shaking buildings in Nagano and Gifu prefectures, the Japan Meteorological Agency said. No tsunami warning was issued, and there were no immediate reports of serious damage or injuries. Bullet train services were briefly suspended for safety checks.",
        7,
    ),
    (
        "Liverpool beat Chelsea 3-1 to stay top of Premier League",
        "LIVERPOOL, England (Reuters) - Mohamed Salah scored twice as Liverpool beat Chelsea 3-1 at Anfield on Sunday to stay top of the Premier League. Cole Palmer had equalised for the visitors before halftime, but Salah restored the lead from the penalty spot and Luis Diaz sealed the win late on.",
        "Manchester City held 1-1 at Brighton in Premier League",
        "BRIGHTON, England (Reuters) - Manchester City dropped points in the Premier League title race on Sunday as they were held to a 1-1 draw at Brighton and Hove Albion. Erling Haaland put City ahead, but Joao Pedro equalised for the hosts after halftime. Pep Guardiola's side missed a chance to close the gap on the leaders.",
        2,
    ),
    (
        "Late Vinicius goal gives Real Madrid win over Sevilla",
        "MADRID (Reuters) - Vinicius Jr scored in stoppage time to give Real Madrid victory over Sevilla at the Santiago Bernabeu on Saturday, keeping Carlo Ancelotti's side in the race for the La Liga title. Sevilla had frustrated the hosts for most of the game with a compact defence before the Brazilian curled in the winner.",
        "Barcelona stunned at Villarreal in La Liga title setback",
        "VILLARREAL, Spain (Reuters) - Barcelona suffered a surprise defeat at Villarreal on Saturday, a setback in their bid to win the La Liga title. Gerard Moreno scored the winner for the hosts in the second half, and Barcelona missed several chances to equalise in stoppage time as Villarreal defended deep.",
        3,
    ),
    (
        "Halvorsen Energy to buy shale producer Redrock for $5.1 billion",
        "HOUSTON (Reuters) - Halvorsen Energy agreed on Monday to acquire shale oil producer Redrock Resources for $5.1 billion in stock, expanding its footprint in the Permian Basin as consolidation in the U.S. oil industry continues. The deal is expected to close in the fourth quarter, subject to shareholder and regulatory approvals.",
        "Pinecrest Oil agrees $2.3 billion deal for Permian rival Mesa Basin",
        "HOUSTON (Reuters) - Pinecrest Oil said on Monday it would buy Permian Basin producer Mesa Basin Energy for $2.3 billion in cash and stock, the latest in a wave of mergers among U.S. shale companies. Pinecrest expects the acquisition to add to cash flow next year and to close in the fourth quarter.",
        5,
    ),
    (
        "FDA approves Verano Bio's drug for severe asthma",
        "WASHINGTON (Reuters) - The U.S. Food and Drug Administration on Friday approved Verano Bio's injectable treatment for patients with severe asthma who do not respond to standard inhalers, the company said. Verano said the drug would be available in the United States within weeks. Shares of the company rose in after-hours trading.",
        "FDA approves first gene therapy for rare inherited eye disease",
        "WASHINGTON (AP) \u2014 The U.S. Food and Drug Administration on Friday approved the first gene therapy for a rare inherited eye disease that causes blindness, made by Optigen Therapeutics. The single treatment is injected into the eye and helps restore production of a missing protein, the agency said. Optigen did not disclose a price.",
        2,
    ),
    (
        "Ruling party wins Croatian parliamentary election but lacks majority",
        "ZAGREB (Reuters) - Croatia's ruling conservative HDZ party won the most seats in Sunday's parliamentary election, the state electoral commission said on Monday, but fell short of a majority and will need coalition partners. The prime minister claimed victory and said he would begin talks with smaller parties.",
        "Opposition candidate wins Senegal presidential election outright",
        "DAKAR (Reuters) - Senegal's opposition candidate won Sunday's presidential election outright, according to provisional results announced by the electoral commission on Monday, defeating the ruling coalition's candidate. Supporters celebrated in the streets of Dakar, and the ruling party's candidate conceded and congratulated the winner.",
        3,
    ),
    (
        "Samsung unveils new foldable phones with Galaxy AI features",
        "SEOUL (Reuters) - Samsung Electronics on Wednesday unveiled its latest foldable smartphones, the Galaxy Z Fold and Z Flip, adding new Galaxy AI features as it seeks to revive demand for its premium devices against Apple. The phones will go on sale later this month, the South Korean company said.",
        "Motorola launches new Razr flip phones with AI assistant",
        "CHICAGO (Reuters) - Motorola, owned by China's Lenovo, on Wednesday launched new versions of its Razr flip phones with larger outer screens and a built-in AI assistant, competing with Samsung in the foldable smartphone market. The devices will go on sale in the United States later this month.",
        8,
    ),
    (
        "EU opens antitrust investigation into Microsoft Teams bundling",
        "BRUSSELS (Reuters) - The European Commission on Thursday opened a formal antitrust investigation into whether Microsoft illegally tied its Teams video-calling app to its Office software suite, hurting rivals such as Slack. Microsoft said it would cooperate with the Commission and was committed to finding solutions.",
        "EU fines Meta 798 million euros over Facebook Marketplace",
        "BRUSSELS (Reuters) - The European Commission on Thursday fined Meta Platforms 798 million euros for tying its Facebook Marketplace classified ads service to its social network and imposing unfair trading conditions on rival services. Meta said it would appeal, arguing the Commission's decision ignored market realities.",
        2,
    ),
    # --- same ongoing topic, distinct developments; disasters and accidents elsewhere ---
    (
        "Tropical Storm Ernesto forms in Atlantic, threatens Puerto Rico",
        "MIAMI (AP) \u2014 Tropical Storm Ernesto formed in the Atlantic on Monday and was expected to strengthen into a hurricane as it approached Puerto Rico and the Virgin Islands, the U.S. National Hurricane Center said. Tropical storm warnings were issued for the islands, and forecasters warned of heavy rain, flash flooding and mudslides.",
        "Typhoon Gaemi lashes Taiwan, shutting offices and schools",
        "TAIPEI (Reuters) - Typhoon Gaemi slammed into Taiwan on Monday with heavy rain and strong winds, forcing the closure of offices, schools and financial markets and the cancellation of flights, authorities said. Forecasters warned of flash flooding and landslides in mountainous areas as the storm moved toward the coast of China.",
        12,
    ),
    (
        "Lufthansa ground staff strike grounds flights in Frankfurt and Munich",
        "FRANKFURT (Reuters) - A strike by Lufthansa ground staff forced the cancellation of hundreds of flights at Frankfurt and Munich airports on Wednesday, stranding passengers at the start of the holiday season, the airline said. The Verdi union called the walkout to press its demands for higher pay for check-in, baggage and maintenance workers.",
        "Lufthansa pilots vote in favour of strikes in pension dispute",
        "FRANKFURT (Reuters) - Pilots at Lufthansa have voted to authorize strikes in a dispute over company pensions, the Vereinigung Cockpit union said on Wednesday, raising the prospect of disruption for the German airline later in the year. The union said no dates for walkouts had been set and it remained open to talks with Lufthansa management.",
        5,
    ),
    (
        "French rail workers launch strike over pensions, disrupting trains",
        "PARIS (Reuters) - French rail workers began a strike on Tuesday over planned changes to their pension rules, disrupting high-speed TGV and regional train services across the country, state operator SNCF said. The CGT and SUD-Rail unions said the walkout could be extended if the government did not reopen talks.",
        "French air traffic controllers call strike, airlines warn of cancellations",
        "PARIS (Reuters) - French air traffic controllers' unions on Tuesday called a strike for later this month over staffing and working conditions, and the DGAC civil aviation authority said it would ask airlines to cancel some flights at Paris airports. Ryanair and easyJet warned passengers of disruption and urged the government to protect overflights during the walkout.",
        4,
    ),
    (
        "Wildfire near Athens forces evacuation of several suburbs",
        "ATHENS (Reuters) - A wildfire fanned by strong winds raged through forests north of Athens on Sunday, forcing authorities to order evacuations of several suburbs as flames approached homes, Greece's fire brigade said. Firefighting planes and helicopters were deployed, and residents were urged to leave via emergency text alerts.",
        "Wildfire in Canada's Alberta forces evacuation of oil sands town",
        "CALGARY, Alberta (Reuters) - A wildfire burning out of control in northern Alberta forced authorities on Sunday to order the evacuation of Fort McMurray, the hub of Canada's oil sands industry, as strong winds pushed flames toward the town. Residents were told to leave immediately, and some oil companies reduced output as a precaution.",
        9,
    ),
    (
        "Passenger jet skids off runway in Mumbai during heavy rain",
        "MUMBAI (Reuters) - A passenger jet skidded off the runway while landing at Mumbai airport in heavy monsoon rain on Thursday, but all passengers and crew were evacuated safely, the airline said. The main runway was briefly closed, and several incoming flights were diverted. India's aviation regulator ordered an investigation.",
        "Small plane makes emergency landing in Kathmandu after engine trouble",
        "KATHMANDU (Reuters) - A small domestic passenger plane made an emergency landing at Kathmandu's airport on Thursday after the pilot reported an engine problem shortly after takeoff, officials said. All passengers and crew were safe. Nepal's civil aviation authority said it had formed a committee to investigate.",
        3,
    ),
    (
        "Freight train derails in Ohio, spilling chemicals and forcing evacuations",
        "CLEVELAND (AP) \u2014 A freight train derailed in eastern Ohio on Saturday, spilling chemicals from several tank cars and forcing nearby residents to evacuate, officials said. No injuries were reported. The National Transportation Safety Board said it was sending investigators to the site of the derailment.",
        "Commuter trains collide near Milan, injuring dozens of passengers",
        "MILAN (Reuters) - A regional commuter train collided with another train near Milan on Saturday morning, injuring dozens of passengers, Italy's fire service said. Rail operator Trenord suspended services on the line, and prosecutors opened an investigation into the cause of the crash.",
        6,
    ),
    # --- markets wraps ---
    (
        "European shares close lower as bank stocks weigh",
        "LONDON (Reuters) - European shares closed lower on Tuesday, dragged down by banks after weaker-than-expected earnings from several lenders, while investors awaited U.S. inflation data due later in the week. The pan-European STOXX index fell, with Germany's DAX and France's CAC also in the red. Technology shares held up better.",
        "Asian shares rise as tech rally lifts Tokyo and Seoul",
        "TOKYO (Reuters) - Asian shares rose on Tuesday, led by technology stocks in Tokyo and Seoul after a rally in U.S. chipmakers overnight, while investors awaited U.S. inflation data due later in the week. Japan's Nikkei index gained and South Korea's KOSPI climbed, though bank shares in China fell and held back Hong Kong's Hang Seng.",
        8,
    ),
    (
        "Wall Street ends higher as tech stocks rebound",
        "NEW YORK (Reuters) - U.S. stocks closed higher on Monday as a rebound in technology shares lifted the Nasdaq and the Dow Jones Industrial Average, with investors looking ahead to Friday's jobs report for clues on the Federal Reserve's next move. Chipmakers led gains, while energy stocks lagged as oil prices eased.",
        "London stocks slip as miners drag, pound edges up",
        "LONDON (Reuters) - London's blue-chip index slipped on Monday as weaker metal prices hit mining stocks, while the pound edged up against the dollar. Investors were cautious ahead of Friday's U.S. jobs report and a Bank of England policy decision later this month. Energy stocks also fell as oil prices eased.",
        5,
    ),
    (
        "Oil prices rise on Middle East supply worries",
        "Oil prices rose on Wednesday as tensions in the Middle East raised concerns about supply disruptions, while a drop in U.S. crude inventories added support. Brent crude futures and U.S. West Texas Intermediate both gained in afternoon trade. Traders were also watching for signals from OPEC+ on output policy.",
        "Gold hits record high as dollar weakens",
        "Gold prices hit a record high on Wednesday as a weaker dollar and rising expectations of U.S. interest rate cuts boosted demand for the safe-haven metal. Tensions in the Middle East also supported prices, traders said. Silver and platinum rose as well in afternoon trade.",
        3,
    ),
    (
        "Bitcoin falls as cryptocurrency selloff deepens",
        "Bitcoin fell sharply on Friday as a broad selloff in cryptocurrencies deepened, with investors pulling money from exchange-traded funds and traders liquidating leveraged positions. Ether and other smaller tokens also declined. Crypto-linked stocks such as Coinbase fell in premarket trading as expectations of Federal Reserve rate cuts faded.",
        "Treasury yields climb after strong US retail sales data",
        "NEW YORK (Reuters) - U.S. Treasury yields rose on Friday after data showed retail sales increased more than expected last month, prompting traders to scale back bets on Federal Reserve interest rate cuts. The yield on the benchmark ten-year note rose, while the dollar firmed against the yen and the euro.",
        4,
    ),
]
