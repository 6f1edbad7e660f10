# -*- coding: utf-8 -*-
# en_holdout3.py -- English hold-out test data for a news "same story" detector.
#
# Written on 2026-12-07 by a helper session given only a written brief, without
# sight of the detector, its code, its other test data or its scores.
# All events below are invented (fictional); some real places, institutions,
# clubs and unions appear only as settings for fictional events.
#
# EN_SAME5:  list of tuples (title_a, body_a, title_b, body_b)
#            -- one news event told by two independent English outlets.
# EN_FLASH5: list of tuples (flash_title, flash_body, k)
#            -- a one-line wire flash for the event EN_SAME5[k].
# EN_TOPIC5: list of tuples (title_a, body_a, title_b, body_b, hours_apart)
#            -- hard negatives: two DIFFERENT stories sharing an entity, place,
#               topic or kind of event.

EN_SAME5 = [
    # 0 -- company earnings
    (
        "Brightmoor Foods quarterly profit beats forecasts as snack prices rise",
        "CHICAGO (Reuters) - Brightmoor Foods Inc reported a 12% rise in third-quarter profit on Tuesday, beating Wall Street estimates as higher prices for its crisps and cereal bars offset weaker volumes. Net income rose to $612 million, or $1.48 per share, from $546 million a year earlier, while revenue climbed 4% to $4.3 billion. The Chicago-based company raised its full-year earnings forecast to $5.70-$5.85 per share. Its shares rose 6% in premarket trading.",
        "Snack maker Brightmoor raises full-year guidance; shares climb",
        "<p>Brightmoor Foods raised its annual earnings guidance on Tuesday after price increases across its snack portfolio lifted third-quarter results above analysts&#8217; expectations.</p><p>The maker of Crunchwell crisps said net income grew 12 per cent to $612mn, or $1.48 a share, on sales of $4.3bn, up 4 per cent. It now expects earnings of between $5.70 and $5.85 a share for the year.</p><p>The stock jumped about 6 per cent before the opening bell.</p>",
    ),
    # 1 -- takeover deal
    (
        "Quillon to buy cancer drugmaker Averon Bio for $6.8 billion",
        "(Reuters) - Quillon Pharmaceuticals said on Monday it would acquire Averon Bio for about $6.8 billion in cash, betting on the smaller company's experimental lung cancer therapy to offset looming patent expiries. Quillon will pay $42 per Averon share, a 61% premium to Friday's closing price. The deal is expected to close in the first half of next year. Averon shares jumped 55% in premarket trading, while Quillon's stock slipped 2%. Quillon said it would fund the purchase with cash on hand and about $4 billion of new debt, and still expects the deal to add to earnings from 2028.",
        "Quillon agrees $6.8bn swoop for oncology biotech Averon",
        "Quillon Pharmaceuticals has agreed to buy Averon Bio in an all-cash deal worth roughly $6.8bn, as big drugmakers hunt for new products before patents on their best sellers lapse. The offer of $42 a share represents a 61 per cent premium to Averon&#8217;s last close. Averon&#8217;s lead candidate, a targeted therapy for non-small cell lung cancer, is in late-stage trials. The companies expect to complete the transaction in the first half of next year, subject to regulatory approval. Quillon will finance the purchase with existing cash and roughly $4bn of new borrowing. Its shares dipped 2 per cent in early trading, while Averon&#8217;s stock surged 55 per cent.",
    ),
    # 2 -- layoffs (no number in either headline)
    (
        "Pellucid Software to cut nearly a tenth of its workforce",
        "SAN JOSE, Calif. (AP) \u2014 Pellucid Software said Wednesday it will eliminate about 1,800 jobs, or roughly 9% of its staff, as the business software maker shifts spending toward artificial intelligence products. The company expects to record restructuring charges of about $240 million, mostly in the current quarter. Chief Executive Dana Whitfield told employees in a memo that the cuts would fall mainly on sales and support teams. Pellucid's shares rose 3% in afternoon trading.",
        "Business software maker Pellucid announces sweeping job cuts",
        "<p>Pellucid is laying off around 1800 employees, about 9 per cent of its global workforce, in a restructuring aimed at freeing up cash for AI development.</p><p>The San Jose-based firm said it would take a charge of roughly $240m. In an internal memo, chief executive Dana Whitfield said sales and customer support would bear the brunt of the reductions.</p><p>Investors welcomed the move, sending the stock up 3%.</p>",
    ),
    # 3 -- product launch (no number in either headline)
    (
        "Daeyang unveils tri-folding smartphone in bid to revive handset sales",
        "SEOUL (Reuters) - South Korea's Daeyang Electronics on Thursday unveiled a smartphone that folds twice into a tablet with a 10-inch screen, hoping the novel design will revive its flagging mobile business. The Daeyang Trio will go on sale in South Korea on Friday for 3.3 million won ($2,399) and in the United States next month. Daeyang's handset shipments fell 14% last year as it lost ground to Chinese rivals.",
        "Daeyang bets on a phone that folds in three",
        "Daeyang Electronics has a new answer to the slowing smartphone market: a handset that unfolds twice. The Trio, shown off at an event in Seoul on Thursday, opens out into a 10in display and costs $2,399 in the US, where it arrives next month; Korean buyers can get it from Friday. The launch follows a 14 per cent slide in the company&#8217;s phone shipments last year.",
    ),
    # 4 -- executive change (no number in either headline)
    (
        "Carrick Steel chief executive steps down unexpectedly",
        "SHEFFIELD, England (Reuters) - Carrick Steel said on Monday its chief executive Martin Hale had stepped down with immediate effect after seven years in the role, citing personal reasons. Finance chief Priya Raman will serve as interim CEO while the board searches for a permanent successor. The announcement comes weeks after the company issued a profit warning blamed on cheap imports. Carrick shares fell 5% in early London trading.",
        "Carrick names finance boss as stand-in after Hale quits",
        "<p>Martin Hale has quit as boss of Carrick Steel, the company said, ending a seven-year tenure that closed with a profit warning last month.</p><p>Priya Raman, the chief financial officer, takes over on an interim basis while a search is carried out. The company gave personal reasons for Hale&#8217;s departure.</p><p>Shares dropped 5 per cent on the news.</p>",
    ),
    # 5 -- lawsuit
    (
        "New York sues car lender Ridgeway over alleged hidden loan fees",
        "NEW YORK (Reuters) - New York's attorney general sued Ridgeway Auto Finance on Tuesday, accusing the subprime car lender of charging about 210,000 borrowers roughly $94 million in undisclosed fees. The lawsuit, filed in state court in Manhattan, alleges Ridgeway added 'processing' and 'document' charges to loans without telling customers. The state is seeking restitution and civil penalties. Ridgeway said it would fight the claims.",
        "Auto finance firm accused of overcharging borrowers by $94m in state lawsuit",
        "Ridgeway Auto Finance was hit with a lawsuit on Tuesday from the New York attorney general&#8217;s office, which says the lender quietly tacked $94 million in fees onto car loans. Some 210,000 customers, many with poor credit, were affected, according to the complaint filed in Manhattan. The state wants the money returned along with penalties. A Ridgeway spokesperson said the company &#8220;complies with all applicable laws&#8221; and intends to defend itself.",
    ),
    # 6 -- central bank (no number in either headline)
    (
        "New Zealand central bank delivers jumbo rate cut",
        "WELLINGTON (Reuters) - The Reserve Bank of New Zealand cut its official cash rate by 50 basis points to 2.75% on Wednesday, a larger move than most economists had expected, and said further easing was likely as the economy struggles. Governor Ana Whitcombe said inflation was comfortably within the 1-3% target band. The New Zealand dollar fell 0.8% to $0.5710 after the decision.",
        "RBNZ slashes OCR by half-point, signals more easing ahead",
        "The Reserve Bank of New Zealand lowered the official cash rate by half a percentage point to 2.75 per cent, surprising markets that had largely priced a quarter-point move. Governor Ana Whitcombe said the committee saw scope for further reductions, with inflation sitting comfortably inside its 1 to 3 per cent target range. The kiwi slid 0.8 per cent to 57.10 US cents.",
    ),
    # 7 -- economic data
    (
        "Australian jobless rate jumps to 4.6%, highest in four years",
        "SYDNEY (Reuters) - Australia's unemployment rate rose to 4.6% in October from 4.4% in September, official data showed on Thursday, as employment unexpectedly fell by 12,300. Economists polled by Reuters had forecast a gain of 20,000 jobs and an unemployment rate of 4.4%. The figures, the weakest in four years, raise the chance that the Reserve Bank of Australia cuts rates next month. The Australian dollar dropped 0.5%.",
        "Australia's labour market weakens unexpectedly as employment falls",
        "<p>Australian employment fell by 12,300 in October, data from the Australian Bureau of Statistics showed, confounding forecasts for a 20,000 rise.</p><p>The jobless rate climbed to 4.6 per cent from 4.4 per cent, its highest level in four years. Traders increased bets on a rate cut from the RBA as soon as next month, and the Aussie dollar weakened half a per cent.</p>",
    ),
    # 8 -- politics (no number in either headline)
    (
        "Estonian prime minister resigns after coalition collapses",
        "TALLINN (Reuters) - Estonian Prime Minister Kaarel Tamm resigned on Friday after his junior coalition partner quit the government in a dispute over a planned increase in income tax. Tamm, who had led the Baltic nation for 14 months, said he would stay on in a caretaker role until a new government is formed. President Liis Aru is expected to begin consultations with party leaders next week.",
        "Tamm quits as Estonia's government falls apart over tax plan",
        "Kaarel Tamm has stepped down as Estonia&#8217;s prime minister, bringing an end to a government that lasted just 14 months. The resignation followed the departure of the smaller coalition party, which refused to back a rise in income tax. Tamm will remain as caretaker. The country&#8217;s president, Liis Aru, will hold talks with parties next week on forming a new cabinet.",
    ),
    # 9 -- election
    (
        "Zambia opposition leader Banda wins presidential vote",
        "LUSAKA (Reuters) - Zambian opposition leader Mwila Banda won the presidential election with 53.4% of the vote, the electoral commission said on Sunday, unseating incumbent Joseph Chanda after a single term. Chanda received 43.1%, according to the official results, and turnout was 67%. Banda, a former finance minister, campaigned on cutting the cost of living and renegotiating mining royalties. Chanda has not yet conceded.",
        "Banda declared victor in Zambian election, ousting Chanda",
        "<p>Zambia&#8217;s Electoral Commission on Sunday declared Mwila Banda president-elect after he took 53.4 per cent of ballots cast, defeating President Joseph Chanda, who won 43.1 per cent.</p><p>Banda, who served as finance minister in a previous government, promised voters lower living costs and a fresh deal with copper miners on royalties. Turnout stood at 67 per cent. Chanda&#8217;s camp had not conceded by Sunday evening.</p>",
    ),
    # 10 -- court / sentencing
    (
        "Coinvault founder gets 14 years in prison for defrauding customers",
        "NEW YORK (AP) \u2014 The founder of failed cryptocurrency exchange Coinvault was sentenced Thursday to 14 years in prison for stealing about $1.1 billion in customer deposits. Derek Osei, 38, was convicted by a Manhattan federal jury in July of wire fraud and conspiracy. U.S. District Judge Helen Markham said Osei had shown \"no real remorse\" for the losses suffered by more than 300,000 customers. Osei's lawyers said they would appeal.",
        "Judge jails crypto boss Osei over $1.1bn collapse",
        "Derek Osei, who founded the Coinvault crypto exchange, was jailed for 14 years by a New York judge on Thursday for siphoning off $1.1bn of customer money. Judge Helen Markham told the court Osei had displayed no genuine remorse. More than 300,000 people lost money when the platform collapsed. Osei, 38, was found guilty of fraud and conspiracy in July and plans to appeal.",
    ),
    # 11 -- earthquake
    (
        "Strong earthquake strikes southern Peru, killing at least 11",
        "LIMA (Reuters) - A magnitude 6.9 earthquake struck southern Peru on Saturday, killing at least 11 people and injuring dozens, authorities said. The quake hit at 4:12 a.m. local time at a depth of 38 km (24 miles), about 60 km north-west of the city of Arequipa, according to the U.S. Geological Survey. Several adobe homes collapsed in rural villages and a landslide blocked a main highway. No tsunami warning was issued.",
        "Deadly tremor rocks Arequipa region as adobe homes crumble",
        "At least 11 people have died after a 6.9-magnitude earthquake shook southern Peru before dawn on Saturday. The USGS said the quake was centred around 60km north-west of Arequipa at a depth of 38km. Peru&#8217;s civil defence institute said dozens were injured, many of them in villages where houses built of adobe collapsed. A landslide cut a major road; there was no threat of a tsunami.",
    ),
    # 12 -- weather (no number in either headline)
    (
        "Storm Isolde knocks out power to homes across Ireland",
        "DUBLIN (Reuters) - Storm Isolde swept across Ireland and western Scotland on Tuesday, cutting power to about 180,000 homes and businesses and grounding flights at Dublin and Shannon airports. Met \u00c9ireann recorded gusts of up to 150 km/h on the west coast and issued red warnings for Galway, Mayo and Clare. One man was seriously injured when a tree fell on his car in County Galway.",
        "Gales and flooding as Isolde sweeps in from Atlantic",
        "<p>Winds of up to 93mph battered Ireland and western Scotland as Storm Isolde arrived on Tuesday, leaving around 180,000 properties without electricity.</p><p>Red weather warnings were in force for counties Galway, Mayo and Clare. Flights were cancelled at Dublin and Shannon, and a motorist in Co Galway was seriously hurt after a tree came down on his vehicle.</p>",
    ),
    # 13 -- football result
    (
        "Leverkusen beat Dortmund 3-1 to go top of Bundesliga",
        "LEVERKUSEN, Germany (Reuters) - Bayer Leverkusen came from behind to beat Borussia Dortmund 3-1 on Saturday and move to the top of the Bundesliga. Dortmund led through an early header but Leverkusen equalised before halftime and scored twice in the final 10 minutes. Leverkusen have 31 points from 13 games, one ahead of Bayern Munich, who play on Sunday.",
        "Late double sinks Dortmund as Leverkusen climb to summit",
        "Two goals in the closing 10 minutes gave Bayer Leverkusen a 3-1 comeback win over Borussia Dortmund and sent them top. Dortmund had led with an early header at the BayArena. Leverkusen have 31 points, one clear of Bayern, who play on Sunday.",
    ),
    # 14 -- cricket (no number in either headline)
    (
        "England seal series win over New Zealand with seven-wicket victory",
        "WELLINGTON (Reuters) - England beat New Zealand by seven wickets in the second Test on Monday to clinch the three-match series with a game to spare. Set 241 to win, England reached the target late on the fourth day thanks to an unbeaten century from their No. 3, after New Zealand had taken a 32-run first-innings lead. The third Test starts in Hamilton on Friday.",
        "Tourists chase down target in Wellington to clinch Test series",
        "England wrapped up the series against New Zealand with a match to spare, chasing 241 to win the second Test at the Basin Reserve by seven wickets on day four. The visitors lost two early wickets before an unbeaten hundred from their number three steered them home. New Zealand, who had led by 32 on first innings, have now lost both Tests.",
    ),
    # 15 -- space (no number in either headline)
    (
        "European probe delivers asteroid samples to Earth",
        "PARIS (Reuters) - A capsule carrying dust collected from an asteroid by the European Space Agency's Argos probe landed in the South Australian desert on Sunday, completing a six-year mission. The capsule, about 50 cm wide, parachuted down inside the Woomera test range, and recovery teams reached it within two hours, ESA said. Scientists expect it to contain around 120 grams of material from the asteroid Ketos, which could shed light on the early solar system.",
        "Asteroid dust capsule touches down safely in Australian outback",
        "<p>The European Space Agency&#8217;s Argos mission has returned its precious cargo: a small capsule holding roughly 120g of rock and dust scooped from the asteroid Ketos.</p><p>The capsule landed by parachute in the Woomera range in South Australia on Sunday and was recovered less than two hours later. The mission was launched six years ago. Researchers hope the samples will reveal how the solar system formed.</p>",
    ),
    # 16 -- health / trial (no number in either headline)
    (
        "Solenne's heart pill cuts heart attack risk by nearly a quarter in large trial",
        "(Reuters) - Solenne Therapeutics said on Saturday its experimental cholesterol-lowering pill orzetiban reduced the risk of heart attack, stroke or cardiovascular death by 23% in a late-stage trial of about 14,000 patients. The results, presented at the American Heart Association meeting in Chicago, pave the way for the company to seek U.S. approval early next year. Side effects were similar to placebo, researchers said.",
        "Experimental cholesterol drug shows benefit in major study",
        "A daily pill developed by Solenne Therapeutics cut the combined rate of heart attacks, strokes and cardiovascular deaths by 23 per cent compared with a placebo, according to a study of 14,000 people presented at a cardiology conference in Chicago. The drug, orzetiban, was generally well tolerated. Solenne plans to file for approval with US regulators early next year.",
    ),
    # 17 -- tech outage (no number in either headline)
    (
        "Outage at cloud provider Stratacloud disrupts banks, airlines",
        "(Reuters) - A widespread outage at cloud computing provider Stratacloud knocked banking apps, airline check-in systems and online retailers offline for about five hours on Monday, the company and users said. Stratacloud said the disruption, which began at around 9 a.m. ET, was caused by a faulty configuration change in its network and was not the result of a cyberattack. Outage tracker Downdetector showed more than 40,000 reports at the peak.",
        "Stratacloud blames botched configuration update for hours-long disruption",
        "<p>Services including mobile banking apps and airline check-in systems went dark on Monday morning after a problem at Stratacloud, one of the largest cloud providers in the US.</p><p>The company said a &quot;faulty configuration change&quot; to its network triggered the outage, which lasted roughly five hours from about 9am Eastern time. It ruled out malicious activity. More than 40,000 users logged problems on Downdetector at the height of the disruption.</p>",
    ),
    # 18 -- cyberattack (no number in either headline)
    (
        "Ransomware attack forces Greystone Health to divert ambulances",
        "PITTSBURGH (AP) \u2014 A ransomware attack has crippled computer systems at Greystone Health, forcing the Pennsylvania hospital group to divert ambulances away from several of its 14 hospitals, officials said Wednesday. Staff have reverted to paper records and some non-emergency surgeries were postponed. The FBI is investigating. Greystone did not say whether patient data was stolen or whether it had received a ransom demand.",
        "Pennsylvania hospital network hit by cyberattack, systems offline",
        "Greystone Health, which runs 14 hospitals across Pennsylvania, said on Wednesday it was dealing with a ransomware incident that had taken its IT systems offline. Ambulances are being redirected to other providers and elective procedures have been delayed while clinicians work from paper charts. The company said it had notified the FBI. It declined to comment on whether hackers had taken patient information or demanded payment.",
    ),
    # 19 -- strike (no number in either headline)
    (
        "Toronto transit grinds to a halt as workers walk off the job",
        "TORONTO \u2014 Subway, streetcar and bus service across Toronto was shut down Monday after about 11,000 Toronto Transit Commission workers went on strike, leaving roughly 1.7 million daily riders to find other ways to get around. Amalgamated Transit Union Local 113 walked out at 12:01 a.m. after talks on wages and job security broke down over the weekend. The TTC said there was no timeline for service to resume.",
        "TTC strike leaves commuters scrambling after weekend talks fail",
        "<p>Commuters in Toronto faced gridlocked roads on Monday after transit workers walked out just after midnight, halting the TTC&#8217;s subway, bus and streetcar network.</p><p>About 11,000 members of ATU Local 113 are on strike after negotiations over pay and job protections collapsed at the weekend. The system normally carries about 1.7 million people a day. The commission could not say when service would return.</p>",
    ),
    # 20 -- crime
    (
        "Thieves steal Impressionist paintings from Lyon museum",
        "LYON, France (Reuters) - Thieves broke into a museum in Lyon overnight and stole two Impressionist paintings valued at around 30 million euros ($32 million), police said on Thursday. The intruders entered the Mus\u00e9e Delorme through a skylight shortly after 3 a.m. and were inside for less than 10 minutes. The stolen works are a river scene by Camille Pissarro and a landscape by Alfred Sisley.",
        "Paintings worth \u20ac30m taken in overnight raid on French gallery",
        "Two Impressionist canvases by Camille Pissarro and Alfred Sisley, worth an estimated \u20ac30m, were stolen from the Mus\u00e9e Delorme in Lyon in the early hours of Thursday. Investigators said the thieves got in through a roof skylight just after 3am and spent under ten minutes inside. France&#8217;s culture minister called the theft &#8220;an attack on our shared heritage&#8221;.",
    ),
    # 21 -- culture (no number in either headline)
    (
        "Nigerian author Adaeze Okafor wins Harwell Prize for The Salt Orchard",
        "LONDON (Reuters) - Nigerian writer Adaeze Okafor won the Harwell Prize for fiction on Tuesday for her debut novel The Salt Orchard, a multigenerational saga about a Lagos family. Okafor, 34, receives 50,000 pounds ($63,000). She beat five other shortlisted authors.",
        "Debut novel about Lagos family takes top fiction award",
        "<p>Adaeze Okafor&#8217;s first novel, The Salt Orchard, has won this year&#8217;s Harwell prize, bringing the 34-year-old Nigerian author a &pound;50,000 cheque.</p><p>The book follows three generations of a family in Lagos. Announcing the award at a ceremony in London, the chair of judges described it as &#8216;ferociously alive&#8217;. It saw off competition from a shortlist of six that included two former winners.</p>",
    ),
    # 22 -- transport accident
    (
        "Passenger train derails in Austria, injuring 14",
        "VIENNA (Reuters) - A passenger train derailed near the Austrian city of Graz on Friday evening, injuring 14 people, two of them seriously, police said. The express, travelling from Vienna to Graz with about 200 people on board, left the tracks at low speed shortly before 7 p.m. near the town of Frohnleiten. Rail operator OeBB said the cause was under investigation and the line would remain closed overnight.",
        "Hundreds evacuated after express leaves rails north of Graz",
        "Fourteen people were hurt, two seriously, when an express train came off the rails near Frohnleiten, north of Graz, on Friday. Around 200 passengers were evacuated from the Vienna\u2013Graz service, which derailed at low speed just before 7pm. Austrian Federal Railways (\u00d6BB) has opened an investigation, and the route is closed until at least Saturday morning.",
    ),
    # 23 -- energy
    (
        "European gas prices soar after fire halts Norwegian processing plant",
        "OSLO/LONDON (Reuters) - European gas prices jumped as much as 18% on Wednesday after a fire shut the Skarvik gas processing plant on Norway's west coast, cutting exports to Britain and continental Europe. The benchmark Dutch front-month contract rose to 47.50 euros per megawatt hour. Operator Nordsj\u00f8 Gass said nobody was hurt and the fire was extinguished within two hours, but it could not say when the plant would restart. Skarvik handles around 14% of Norway's gas exports.",
        "Dutch TTF spikes as Skarvik outage cuts Nordic supply",
        "<p>Gas prices in Europe surged on Wednesday after a blaze forced Norway&#8217;s Skarvik processing facility offline.</p><p>Dutch TTF front-month futures climbed by up to 18 per cent to &#8364;47.50/MWh. Skarvik accounts for about 14 per cent of Norwegian gas exports. Operator Nordsj&oslash; Gass said the fire was put out within two hours with no injuries, and gave no timeline for a restart.</p>",
    ),
    # 24 -- commodities (no number in either headline)
    (
        "Arabica coffee hits record high as frost damages Brazilian crops",
        "NEW YORK (Reuters) - Arabica coffee futures surged to a record high on Tuesday after a severe frost hit coffee-growing areas of Brazil's Minas Gerais state over the weekend, raising fears for next year's harvest. The most-active March contract on ICE rose as much as 7.2% to $4.62 per lb. Brazilian cooperative Coopervale said early assessments showed damage to up to 15% of trees in parts of the south of the state.",
        "Coffee futures soar to all-time peak on Minas Gerais cold snap",
        "Arabica prices climbed to their highest level ever on Tuesday, gaining up to 7.2 per cent to 462 cents a pound on ICE Futures US, after frost swept across Brazil&#8217;s biggest coffee-growing state. Growers&#8217; co-operative Coopervale said as much as 15 per cent of trees in southern Minas Gerais could be damaged, raising doubts over next year&#8217;s crop.",
    ),
    # 25 -- energy company / project cancellation
    (
        "Tidewell scraps New Jersey offshore wind farm, takes $1.1 billion charge",
        "(Reuters) - Tidewell Energy said on Thursday it would abandon its 1.4-gigawatt Seabright offshore wind project off New Jersey and take an impairment charge of about $1.1 billion, citing higher interest rates, supply chain costs and a failure to agree a higher power price with the state. The project was expected to power about 600,000 homes. Tidewell shares fell 4% in early trading.",
        "Developer abandons Atlantic wind project citing soaring costs",
        "Tidewell Energy has pulled the plug on Seabright, a 1.4GW wind farm planned off the New Jersey coast, and will book a write-down of roughly $1.1bn. The company blamed rising borrowing costs, more expensive equipment and unsuccessful talks with state officials over the price of the power. Seabright would have supplied enough electricity for about 600,000 homes. Tidewell&#8217;s stock was down 4 per cent.",
    ),
    # 26 -- vehicle recall
    (
        "Vantor recalls 312,000 SUVs over airbag defect",
        "DETROIT (AP) \u2014 Vantor Motors is recalling more than 312,000 Altamira SUVs in the U.S. because the front passenger airbag may not deploy in a crash, according to documents posted Friday by the National Highway Traffic Safety Administration. The recall covers the 2022 to 2025 model years. A faulty occupant sensor can wrongly classify an adult as a child and switch the airbag off. Dealers will replace the sensor for free. Vantor said it knows of three injuries possibly linked to the problem.",
        "Faulty seat sensors prompt Vantor to call back Altamira models",
        "<p>Vantor Motors will recall 312,000 Altamira sport utility vehicles from the 2022-2025 model years after finding that a passenger seat sensor can mistakenly deactivate the front airbag, US safety regulators said.</p><p>The NHTSA filing says the sensor may misidentify an adult passenger as a child. Vantor is aware of three injuries that may be related. Owners will have the part replaced at no cost.</p>",
    ),
    # 27 -- IPO
    (
        "Paylode shares jump 31% in Nasdaq debut",
        "NEW YORK (Reuters) - Shares of payments company Paylode opened 31% above their initial public offering price in their Nasdaq debut on Thursday, after the company raised $1.35 billion. Paylode sold 50 million shares at $27 each, the top of its marketed range of $24 to $27, valuing it at about $9.2 billion. The stock opened at $35.37. The listing is one of the largest U.S. fintech IPOs this year.",
        "Fintech Paylode soars as trading opens after top-of-range offering",
        "Paylode, the small-business payments start-up, had a strong first day on the Nasdaq on Thursday, with its stock opening at $35.37, 31 per cent above the offer price. The company priced 50mn shares at $27, the top of its $24-$27 range, to raise $1.35bn, giving it a valuation of about $9.2bn. It is among the biggest US fintech flotations of the year.",
    ),
    # 28 -- EU court
    (
        "EU court overturns 1.3 billion euro fine against chipmaker Solvane",
        "LUXEMBOURG (Reuters) - Solvane won its challenge against a 1.3 billion euro ($1.4 billion) EU antitrust fine on Wednesday after Europe's second-highest court ruled that regulators had failed to prove the chipmaker used rebates to shut out rivals. The General Court said the European Commission's analysis contained 'significant errors'. The Commission, which imposed the fine in 2021, can appeal to the Court of Justice of the European Union.",
        "Solvane wins appeal as Luxembourg judges scrap Commission penalty",
        "<p>The European Commission suffered a setback on Wednesday when the EU General Court annulled the &#8364;1.3bn fine it imposed on Solvane, the semiconductor maker, in 2021.</p><p>Judges found the Commission had not shown that Solvane&#8217;s loyalty rebates had excluded competitors, pointing to &#8220;significant errors&#8221; in its assessment. Brussels has two months and 10 days to appeal to the Court of Justice.</p>",
    ),
    # 29 -- animal health
    (
        "Netherlands confirms bird flu in dairy cows, first case in Europe",
        "AMSTERDAM (Reuters) - The Netherlands has detected H5N1 bird flu in a dairy herd in the province of Friesland, the first confirmed case of the virus in cattle in Europe, the agriculture ministry said on Monday. The farm's 180 cows have been isolated and milk from the farm is being destroyed. The ministry said the risk to the public remained low. The virus has spread widely among dairy cattle in the United States since 2024.",
        "H5N1 found in Dutch cattle herd for first time",
        "Dutch authorities have confirmed avian influenza in cows on a dairy farm in Friesland, the first time the H5N1 virus has been found in cattle anywhere in Europe. The ministry of agriculture said on Monday the 180 animals had been placed in isolation and their milk would be destroyed. Officials stressed the risk to people was low. In the US, the virus has circulated in dairy herds since 2024.",
    ),
    # 30 -- economic data
    (
        "Euro zone inflation dips below ECB target",
        "FRANKFURT (Reuters) - Euro zone inflation fell to 1.9% in November from 2.2% in October, a flash estimate from Eurostat showed on Tuesday, dropping below the European Central Bank's 2% target and strengthening the case for further rate cuts. Core inflation, which strips out food and energy, eased to 2.3% from 2.5%. Economists polled by Reuters had expected headline inflation of 2.0%.",
        "Eurozone price growth slows to 1.9%, bolstering case for easing",
        "<p>Consumer prices in the eurozone rose 1.9 per cent in the year to November, down from 2.2 per cent a month earlier and below the ECB&#8217;s 2 per cent goal, according to Eurostat&#8217;s preliminary figures.</p><p>Analysts had pencilled in 2 per cent. Core inflation slowed to 2.3 per cent from 2.5 per cent, which economists said left the door open for another cut.</p>",
    ),
    # 31 -- wildfire
    (
        "Wildfire forces thousands from homes near Kamloops",
        "KAMLOOPS, B.C. \u2014 About 9,000 people were ordered to leave their homes near Kamloops on Sunday after a fast-moving wildfire jumped the Trans-Canada Highway, the B.C. Wildfire Service said. The Tallgrass Creek fire has grown to an estimated 4,200 hectares, fanned by gusty winds and temperatures above 30 C. A section of the highway was closed in both directions. No injuries have been reported.",
        "B.C. orders evacuation of 9,000 as blaze crosses Trans-Canada Highway",
        "Evacuation orders covering some 9000 residents were issued on Sunday on the outskirts of Kamloops as the Tallgrass Creek wildfire crossed the Trans-Canada Highway. Provincial officials estimated the blaze at 4,200 ha. Strong winds and heat of more than 30 degrees were driving it, the BC Wildfire Service said. The highway is closed and no one has been hurt so far.",
    ),
]

EN_FLASH5 = [
    (
        "QUILLON TO ACQUIRE AVERON BIO FOR $42/SHR IN CASH, DEAL VALUED AT ABOUT $6.8 BLN",
        "Quillon Pharmaceuticals says it will buy Averon Bio for $42 per share in cash in a deal valued at about $6.8 billion.",
        1,
    ),
    (
        "RBNZ CUTS OFFICIAL CASH RATE BY 50 BPS TO 2.75%",
        "Reserve Bank of New Zealand cuts official cash rate by 50 basis points to 2.75%, says further easing likely.",
        6,
    ),
    (
        "Coinvault founder Osei sentenced to 14 years in prison - court",
        "Former Coinvault chief Derek Osei sentenced to 14 years by Manhattan federal judge for stealing customer funds.",
        10,
    ),
    (
        "USGS: MAGNITUDE 6.9 QUAKE STRIKES SOUTHERN PERU",
        "A magnitude 6.9 earthquake struck about 60 km north-west of Arequipa, Peru, at a depth of 38 km, USGS says.",
        11,
    ),
    (
        "Soccer-Leverkusen 3 Dortmund 1 - full time",
        "Bayer Leverkusen beat Borussia Dortmund 3-1 to go top of the Bundesliga.",
        13,
    ),
    (
        "STRATACLOUD SAYS INVESTIGATING WIDESPREAD SERVICE DISRUPTION",
        "Cloud provider Stratacloud says it is investigating an outage affecting multiple customers as banking and airline apps report problems.",
        17,
    ),
    (
        "Two Impressionist paintings stolen from Lyon museum - police",
        "Thieves stole works by Pissarro and Sisley worth about 30 million euros from Lyon's Mus\u00e9e Delorme overnight, police say.",
        20,
    ),
    (
        "VANTOR RECALLS 312,000 ALTAMIRA SUVS IN US OVER PASSENGER AIRBAG - NHTSA",
        "Vantor Motors recalls 312,000 Altamira SUVs as a faulty sensor may switch off the front passenger airbag, NHTSA says.",
        26,
    ),
    (
        "PAYLODE OPENS AT $35.37 IN NASDAQ DEBUT VS IPO PRICE OF $27",
        "Payments firm Paylode opens 31% above its IPO price on its first day of trading on Nasdaq.",
        27,
    ),
    (
        "EURO ZONE NOV FLASH HICP +1.9% Y/Y (POLL +2.0%), OCT +2.2%",
        "Euro zone inflation fell to 1.9% in November, below the ECB's 2% target, Eurostat flash estimate shows.",
        30,
    ),
]

EN_TOPIC5 = [
    # 0 -- two central banks on one day
    (
        "ECB holds rates steady, says policy is in a good place",
        "FRANKFURT (Reuters) - The European Central Bank left interest rates unchanged on Thursday, keeping its deposit rate at 2.0% for a fourth consecutive meeting, and said policy was well positioned to deal with uncertainty over trade and growth. Policymakers gave no signal about their next move. New staff projections showed inflation at 1.8% next year, slightly below the ECB's 2% target, while growth was revised up to 1.2%.",
        "Bank of Japan raises interest rates to 0.75%, yen firms",
        "TOKYO (Reuters) - The Bank of Japan raised its short-term interest rate to 0.75% from 0.5% on Thursday, taking borrowing costs to their highest in three decades, and said it would keep tightening if wages and prices rise as projected. The board voted 7-2 for the move, with two members preferring to wait. The yen strengthened 0.6% against the dollar after the decision.",
        7,
    ),
    # 1 -- two central banks, consecutive days
    (
        "Mexico's central bank cuts key rate by a quarter point to 6.75%",
        "MEXICO CITY (Reuters) - The Bank of Mexico cut its benchmark interest rate by 25 basis points to 6.75% on Thursday, its ninth consecutive reduction, in a 4-1 vote. The central bank said inflation had continued to ease but remained above its 3% target, and signalled that the pace of future cuts would slow. The peso was little changed after the announcement.",
        "Brazil central bank holds Selic at 15%, keeps hawkish tone",
        "BRASILIA (Reuters) - Brazil's central bank held its benchmark Selic interest rate at 15% on Wednesday for a fourth straight meeting, as expected, and said it would keep borrowing costs high for a prolonged period to bring inflation back to its 3% target. The decision by the monetary policy committee, known as Copom, was unanimous. Economists do not expect cuts before the second quarter of next year.",
        20,
    ),
    # 2 -- one central bank: decision and minutes of an earlier meeting
    (
        "Poland's central bank holds rates at 4.5%, as expected",
        "WARSAW (Reuters) - Poland's central bank kept its main interest rate unchanged at 4.50% on Wednesday, in line with analysts' expectations. The Monetary Policy Council said inflation was moving towards the 2.5% target but that wage growth and fiscal policy posed upside risks. Governor Tadeusz Brzeski will hold a news conference on Thursday. The zloty was steady against the euro.",
        "Polish rate-setters were split over easing in October, minutes show",
        "WARSAW (Reuters) - Several members of Poland's Monetary Policy Council argued for a rate cut at the October meeting, citing slowing inflation, while the majority preferred to wait for new projections, according to minutes published on Thursday. A motion to lower the main rate by 25 basis points to 4.25% was rejected, the minutes showed. Some members said fiscal policy remained too loose to justify easing.",
        19,
    ),
    # 3 -- two quakes in one country
    (
        "Magnitude 6.2 quake strikes off Indonesia's Sulawesi, no tsunami threat",
        "JAKARTA (Reuters) - An earthquake of magnitude 6.2 struck off the coast of Indonesia's Sulawesi island on Tuesday, the country's meteorology and geophysics agency BMKG said, adding there was no threat of a tsunami. The quake was centred in the Molucca Sea at a depth of 45 km. There were no immediate reports of damage or casualties, a disaster agency official said.",
        "Quake of magnitude 5.7 jolts West Java, damaging homes",
        "JAKARTA (Reuters) - A magnitude 5.7 earthquake shook Indonesia's West Java province on Tuesday, damaging around 30 houses and injuring four people in the Sukabumi area, the national disaster mitigation agency said. The shallow quake, at a depth of 10 km, was felt in the capital Jakarta, where some office workers evacuated high-rise buildings. BMKG said there was no potential for a tsunami.",
        9,
    ),
    # 4 -- two matches of one club (men's and women's teams)
    (
        "Barcelona held 1-1 at Getafe, miss chance to go top",
        "GETAFE, Spain (Reuters) - Barcelona missed the chance to go top of LaLiga after being held to a 1-1 draw at Getafe on Sunday. The Catalans took the lead with a first-half penalty but Getafe equalised from a corner 12 minutes from time. Barcelona are second on 34 points, one behind Real Madrid, who host Sevilla on Monday.",
        "Barcelona women thrash Levante 5-0 to stay perfect in Liga F",
        "BARCELONA (Reuters) - Barcelona Femen\u00ed maintained their 100% record in Liga F with a 5-0 win over Levante at the Johan Cruyff Stadium on Sunday. The champions led 3-0 at halftime and added two more after the break to make it 11 wins from 11 games. They are six points clear of Atl\u00e9tico Madrid at the top of the table.",
        4,
    ),
    # 5 -- one club, back-to-back games
    (
        "Kings beat Trail Blazers 112-104 behind balanced scoring",
        "SACRAMENTO, Calif. (AP) \u2014 Malik Dorsey scored 24 points, Andre Kowalski added 19 and the Sacramento Kings beat the Portland Trail Blazers 112-104 on Saturday night. Six Kings players scored in double figures as Sacramento won for the fourth time in five games. Portland, who trailed by 17 in the third quarter, cut the lead to four late but could get no closer.",
        "Jazz rout Kings 121-99 as Sacramento's winning run ends",
        "SALT LAKE CITY (AP) \u2014 Theo Marchetti scored 28 points and the Utah Jazz routed the Sacramento Kings 121-99 on Sunday night. Utah shot 54% from the field and led by as many as 30 in the fourth quarter. Malik Dorsey had 15 points for the Kings, who were playing for the second straight night and had won four of their previous five games.",
        20,
    ),
    # 6 -- two matches in one league, same night
    (
        "Atalanta beat Fiorentina 3-1 to move into Serie A top four",
        "BERGAMO, Italy (AP) \u2014 Atalanta moved into the Serie A top four with a 3-1 win over Fiorentina on Sunday. The hosts scored twice in five minutes before halftime and added a third with a header from a corner after the break. Fiorentina pulled one back in stoppage time. Atalanta have 25 points from 14 games.",
        "Bologna and Torino share points in 2-2 draw",
        "BOLOGNA, Italy (AP) \u2014 Bologna and Torino drew 2-2 in Serie A on Sunday after the visitors twice came from behind. Bologna led through a first-half penalty and went ahead again with a long-range strike early in the second half, but Torino equalised with eight minutes to go. Bologna are ninth with 20 points, while Torino are 12th.",
        2,
    ),
    # 7 -- two approvals by one regulator
    (
        "FDA approves Halloran's once-monthly psoriasis injection",
        "(Reuters) - The U.S. Food and Drug Administration has approved Halloran Biosciences' kelvarimab, a once-monthly injection for adults with moderate to severe plaque psoriasis, the company said on Tuesday. In late-stage trials, about 82% of patients achieved a 90% improvement in skin clearance after 16 weeks. Halloran said the drug would be available in the United States within weeks at a list price of about $6,900 per month.",
        "FDA clears Vectra Gene's one-time therapy for rare blood disorder",
        "(Reuters) - The U.S. Food and Drug Administration on Tuesday approved Vectra Gene Therapeutics' one-time gene therapy for patients aged 12 and older with transfusion-dependent beta thalassemia, a rare inherited blood disorder. In a pivotal study, 88% of treated patients no longer needed regular blood transfusions. Vectra said the therapy would carry a list price of $2.9 million.",
        5,
    ),
    # 8 -- two approvals by one regulator (state aid)
    (
        "EU approves 5 billion euro German subsidy for Dresden chip plant",
        "BRUSSELS (Reuters) - The European Commission on Wednesday approved 5 billion euros ($5.4 billion) of German state aid for a semiconductor factory to be built in Dresden by chipmaker Semora, saying the project would strengthen Europe's supply of advanced chips. The plant, expected to cost around 14 billion euros, is due to start production in 2029 and create about 2,000 jobs.",
        "EU clears Spanish aid for green hydrogen plant in Asturias",
        "BRUSSELS (Reuters) - The European Commission on Wednesday approved 1.2 billion euros ($1.3 billion) of Spanish state aid for a green hydrogen plant in Asturias, saying the support was necessary and proportionate under EU rules. The project, led by utility Ibercanta, will produce hydrogen from renewable power for steelworks in the region and is due to open in 2028.",
        3,
    ),
    # 9 -- two strikes in different industries, one country
    (
        "German train drivers strike halts most long-distance services",
        "BERLIN (Reuters) - A strike by Germany's GDL train drivers' union brought most of Deutsche Bahn's long-distance services to a standstill on Thursday, with only about 20% of intercity trains running. The 48-hour walkout, which also hit regional and freight traffic, is the third in a dispute over pay and working hours. Deutsche Bahn called the strike 'completely unnecessary'.",
        "Verdi strike at German airports grounds hundreds of flights",
        "BERLIN (Reuters) - Hundreds of flights were cancelled at Frankfurt, Munich and Hamburg airports on Thursday as ground staff and security workers walked out in a one-day strike called by the Verdi union. Verdi is demanding an 8% pay rise for around 25,000 workers. The airport association ADV said about 160,000 passengers were affected.",
        10,
    ),
    # 10 -- two strikes in different industries, one city
    (
        "Tube strike shuts most of London Underground",
        "LONDON (Reuters) - Most of the London Underground network was closed on Tuesday as members of the RMT union walked out in a dispute over pay and staffing, forcing commuters onto crowded buses and roads. Transport for London said only parts of four lines were running a limited service. The RMT said the 24-hour strike would be followed by further action unless talks resumed.",
        "Resident doctors in England begin five-day walkout",
        "LONDON (Reuters) - Resident doctors in England began a five-day strike on Tuesday in a long-running dispute with the government over pay, with hospitals warning of significant disruption to planned operations and appointments. The British Medical Association says doctors' pay has fallen in real terms since 2008. Emergency care will continue to be provided by senior doctors.",
        6,
    ),
    # 11 -- same politician, two matters
    (
        "Ohio governor signs ban on cellphones in public school classrooms",
        "COLUMBUS, Ohio (AP) \u2014 Ohio Gov. Tom Whitaker on Tuesday signed a law requiring public school districts to ban student cellphone use during class time from next autumn. Whitaker said the measure would help students focus and reduce bullying. Districts must adopt their own policies by July, and the law allows exceptions for students with medical needs.",
        "Whitaker orders review after inmate's death at Ohio prison",
        "COLUMBUS, Ohio (AP) \u2014 Ohio Gov. Tom Whitaker on Tuesday ordered an independent review of conditions at the Marion Correctional Institution after a 41-year-old inmate died following an altercation with guards. The state Department of Rehabilitation and Correction said three officers had been placed on administrative leave. The State Highway Patrol is investigating the death.",
        5,
    ),
    # 12 -- same politician, two matters
    (
        "Australian foreign minister Hadley to visit Beijing for trade talks",
        "CANBERRA (Reuters) - Australian Foreign Minister Claire Hadley will travel to Beijing next week for talks with her Chinese counterpart on trade, regional security and consular cases, her office said on Monday. It will be her first visit to China since taking office. Hadley said stable relations with Australia's largest trading partner were in the national interest.",
        "Australia pledges A$25 million to help Vanuatu recover from cyclone",
        "CANBERRA (Reuters) - Australia will provide A$25 million ($16 million) to help Vanuatu rebuild after Cyclone Tama, which destroyed homes and schools across the Pacific island nation last month, Foreign Minister Claire Hadley said on Monday. The package includes funding for emergency shelter, water supplies and the repair of health clinics. An Australian defence aircraft will deliver supplies this week.",
        8,
    ),
    # 13 -- two crimes in one city
    (
        "Three wounded in shooting at South Side bus stop, Chicago police say",
        "CHICAGO (AP) \u2014 Three people were wounded Friday evening when someone opened fire on a group waiting at a bus stop in the Englewood neighborhood on Chicago's South Side, police said. The victims, two men and a woman aged between 19 and 34, were taken to hospital in fair condition. No one was in custody, and detectives were reviewing surveillance footage.",
        "Thieves smash display cases in Magnificent Mile jewelry store robbery",
        "CHICAGO (AP) \u2014 A group of at least five masked people smashed display cases with hammers and stole jewelry from a store on Chicago's Magnificent Mile on Saturday morning, police said. The robbers fled in two vehicles within two minutes. No one was injured. The store did not say how much was taken, and police are asking witnesses to come forward.",
        11,
    ),
    # 14 -- two crimes in one city
    (
        "Man arrested after stabbing at Stockholm metro station",
        "STOCKHOLM (Reuters) - Swedish police arrested a man in his 20s after another man was stabbed at a metro station in central Stockholm on Monday evening, police said. The victim was taken to hospital with serious but not life-threatening injuries. Police said the two men appeared to know each other and there was no indication of terrorism.",
        "Swedish police investigate explosion at Stockholm apartment block",
        "STOCKHOLM (Reuters) - An explosion damaged the entrance of an apartment building in the Stockholm suburb of Huddinge early on Tuesday, Swedish police said, adding that no one was injured. Residents were evacuated while bomb technicians examined the scene. Police said they were investigating the blast as a suspected act of criminal damage and had made no arrests.",
        14,
    ),
    # 15 -- same indicator, two countries
    (
        "UK inflation eases to 3.1% in October",
        "LONDON (Reuters) - British consumer price inflation fell to 3.1% in October from 3.4% in September, the Office for National Statistics said on Wednesday, as lower energy bills offset rising food prices. Economists polled by Reuters had expected 3.2%. Services inflation, watched closely by the Bank of England, slowed to 4.4% from 4.7%.",
        "Canada's annual inflation rate edges up to 2.3% in October",
        "OTTAWA (Reuters) - Canada's annual inflation rate rose to 2.3% in October from 2.1% in September, Statistics Canada said on Wednesday, driven by higher gasoline and rent prices. Analysts had forecast 2.2%. The Bank of Canada's preferred core measures were little changed, averaging about 2.8%.",
        5,
    ),
    # 16 -- same indicator family, two countries, same release time
    (
        "U.S. job growth beats expectations; unemployment rate steady at 4.2%",
        "WASHINGTON (Reuters) - U.S. employers added 168,000 jobs in November, more than economists had expected, while the unemployment rate held at 4.2%, the Labor Department said on Friday. Economists polled by Reuters had forecast payrolls rising by 130,000. Average hourly earnings increased 0.3% from the previous month, and October's job gain was revised down to 112,000.",
        "Canada adds 27,000 jobs in November, jobless rate falls to 6.7%",
        "OTTAWA (Reuters) - Canada's economy added 27,000 jobs in November, Statistics Canada said on Friday, beating analysts' expectations of a gain of 10,000, and the unemployment rate fell to 6.7% from 6.9%. Full-time employment rose by 35,000. Average hourly wages for permanent employees were up 3.6% from a year earlier.",
        1,
    ),
    # 17 -- same company, two unrelated announcements
    (
        "Fennick Airways orders 40 Airbus A321neo jets",
        "DUBLIN (Reuters) - Irish carrier Fennick Airways said on Wednesday it had ordered 40 Airbus A321neo aircraft to replace older planes and expand its transatlantic network, with deliveries due between 2029 and 2033. The order is worth about $7 billion at list prices, though airlines typically receive steep discounts. Fennick also took options on 20 more jets.",
        "Fennick Airways pilots accept pay deal, ending dispute",
        "DUBLIN (Reuters) - Pilots at Fennick Airways have voted to accept a pay deal worth 11% over three years, ending a dispute that had threatened summer flights, the carrier and the pilots' union said on Wednesday. About 87% of members who voted backed the agreement, which also includes changes to rostering. The union had balloted for industrial action in September.",
        6,
    ),
    # 18 -- same company, two unrelated announcements
    (
        "Orland Systems names Grace Nakamura as finance chief",
        "(Reuters) - Orland Systems said on Monday it had appointed Grace Nakamura as chief financial officer, effective January 1, replacing Paul Brennan, who is retiring after eight years in the role. Nakamura joins from industrial software company Tenmark, where she was CFO. Orland shares were little changed in premarket trading.",
        "Orland Systems wins $3.4 billion U.S. Army cloud contract",
        "(Reuters) - Orland Systems has won a contract worth up to $3.4 billion to provide cloud computing and data services to the U.S. Army over 10 years, the Pentagon said on Monday. Orland beat two larger rivals for the award, according to a person familiar with the process. The company's shares rose 7% in afternoon trading.",
        4,
    ),
    # 19 -- two layoffs at different tech firms
    (
        "Brisca to cut 600 jobs as video app growth stalls",
        "SAN FRANCISCO (Reuters) - Short-video app maker Brisca will cut about 600 jobs, or 15% of its workforce, as user growth slows and advertising revenue falls short of targets, Chief Executive Lena Ortiz told staff in a memo on Tuesday. The cuts will mainly affect marketing and content moderation teams. Brisca expects to take a charge of about $45 million.",
        "Talonet lays off 1,100 in second round of cuts this year",
        "SAN FRANCISCO (Reuters) - Network security company Talonet said on Tuesday it would lay off about 1,100 employees, or 8% of its staff, its second round of job cuts this year, as it consolidates offices and automates customer support. The company expects restructuring costs of $90 million to $110 million. Talonet shares rose 2% in extended trading.",
        3,
    ),
    # 20 -- two outages on the same day
    (
        "Messaging app Pingwave down for millions of users",
        "(Reuters) - Messaging app Pingwave suffered an outage on Thursday that left millions of users unable to send or receive messages for about two hours, according to outage tracking website Downdetector. Reports peaked at more than 60,000 in Europe and 25,000 in the United States. Pingwave said a technical issue had been fixed and apologised for the disruption.",
        "Halden Bank customers unable to access accounts after IT failure",
        "LONDON (Reuters) - Customers of British lender Halden Bank were unable to log into its mobile app or online banking for several hours on Thursday because of an IT problem, the bank said. Some card payments were also declined. Halden said the problem was not caused by a cyberattack and that it would compensate customers left out of pocket.",
        6,
    ),
    # 21 -- two cyberattacks
    (
        "Cyberattack disrupts services at Hexham County Council",
        "<p>Hexham County Council has been hit by a cyberattack that has taken down its website and phone lines and disrupted payments to care providers, the authority said on Monday.</p><p>The council said it was working with the National Cyber Security Centre and police to investigate. Residents have been asked to contact services in person where possible. It is not yet known whether personal data was taken.</p>",
        "Retailer Bramwell's says hackers stole customer data",
        "<p>Fashion retailer Bramwell&#8217;s said hackers had stolen the names, email addresses and order histories of some online customers, but that payment card details were not affected.</p><p>The company, which has 180 stores across the UK, said it discovered the breach last week and had informed the Information Commissioner&#8217;s Office. It advised customers to be alert to phishing emails.</p>",
        9,
    ),
    # 22 -- same carmaker, different stories
    (
        "Castell Motors launches cheaper electric SUV in China to fight local rivals",
        "SHANGHAI (Reuters) - Castell Motors on Tuesday launched a new compact electric SUV in China priced from 159,900 yuan ($22,300), its cheapest model in the country, as it tries to win back market share from domestic brands. The vehicle will be built at Castell's joint-venture plant in Wuhan and deliveries start next month. Castell's China sales fell 22% in the first nine months of the year.",
        "Castell recalls 48,000 pickup trucks in U.S. over brake fluid leak",
        "DETROIT (Reuters) - Castell Motors is recalling about 48,000 pickup trucks in the United States because a brake fluid leak could reduce braking performance, the National Highway Traffic Safety Administration said on Tuesday. The recall covers certain 2024 and 2025 models. Castell said it was not aware of any crashes or injuries linked to the issue.",
        11,
    ),
    # 23 -- same company, two lawsuits
    (
        "Texas sues Meridian Social over children's data collection",
        "(Reuters) - Texas sued Meridian Social on Thursday, accusing the social media company of illegally collecting personal data from users under 13 without parental consent. The lawsuit, filed in state court in Austin, seeks civil penalties of up to $10,000 per violation. Meridian said it disputed the claims and had invested heavily in tools to protect young users.",
        "Music publishers sue Meridian Social for $500 million over unlicensed songs",
        "(Reuters) - A group of music publishers sued Meridian Social in federal court in Nashville on Thursday, claiming the platform let users add thousands of copyrighted songs to videos without licences. The publishers are seeking damages of at least $500 million. Meridian said it had licensing agreements with major labels and would defend itself against the lawsuit.",
        9,
    ),
    # 24 -- two IPOs on one day
    (
        "Cobalt Kitchens shares rise 12% in NYSE debut",
        "NEW YORK (Reuters) - Shares of meal-kit company Cobalt Kitchens rose 12% in their New York Stock Exchange debut on Wednesday, after the company raised $520 million in its initial public offering. Cobalt priced 26 million shares at $20, the middle of its marketed range, valuing it at about $3.1 billion. The stock opened at $22.40.",
        "Vireo Robotics prices IPO below range, raising $410 million",
        "NEW YORK (Reuters) - Warehouse robot maker Vireo Robotics priced its initial public offering at $16 per share on Wednesday, below its marketed range of $18 to $20, raising $410 million, according to a statement. The pricing values the company at about $2.4 billion. Its shares are expected to begin trading on the Nasdaq on Thursday.",
        3,
    ),
    # 25 -- two bank deals in one country
    (
        "Banca Lariana to buy Cassa di Risparmio di Vercelli for 1.6 billion euros",
        "MILAN (Reuters) - Italy's Banca Lariana agreed on Monday to buy regional lender Cassa di Risparmio di Vercelli for 1.6 billion euros ($1.7 billion) in cash and shares, expanding its presence in northwest Italy. The deal is expected to generate cost savings of 150 million euros a year by 2028. Lariana shares rose 3% in Milan.",
        "Banco Tirreno launches 2.3 billion euro bid for Banca Adriatica Popolare",
        "MILAN (Reuters) - Banco Tirreno on Monday launched an unsolicited all-share offer worth about 2.3 billion euros ($2.5 billion) for Banca Adriatica Popolare, a 14% premium to Friday's closing price. Adriatica's board said it would review the offer. The deal would create Italy's fifth-largest bank by assets, Tirreno said. Adriatica shares jumped 11% in Milan.",
        2,
    ),
    # 26 -- two by-elections on one night
    (
        "Reform UK wins Hartley North by-election",
        "<p>Reform UK has won the Hartley North by-election, taking the seat from the Conservatives with a majority of 4,210.</p><p>The party&#8217;s candidate, Gary Lund, won 38% of the vote on a turnout of 41%. The Conservatives fell to second place. The vote was triggered by the resignation of the sitting MP over an expenses investigation.</p>",
        "Labour holds Elmford South with reduced majority",
        "<p>Labour has held Elmford South in a by-election, but its majority fell from more than 11,000 to 2,865.</p><p>The new MP, Priya Sandhu, took 36% of the vote, with the Green Party in second place. Turnout was 33%. The by-election was called after the death of the previous Labour MP in September.</p>",
        1,
    ),
    # 27 -- one court, two rulings on one day
    (
        "Supreme Court curbs SEC's power to impose fines in-house",
        "WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday ruled 6-3 that the Securities and Exchange Commission cannot impose civil fines on brokers through its own administrative judges, saying defendants are entitled to a jury trial. The ruling in Kessler v. SEC is expected to push more enforcement cases into federal court.",
        "Supreme Court rules for tribe in Arizona water rights dispute",
        "WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday sided with the Tonto River Apache Tribe in a long-running dispute over water from the Verde River in Arizona, ruling 5-4 that a 1935 agreement obliged the federal government to protect the tribe's water supply. The decision sends the case back to a lower court to decide on remedies.",
        2,
    ),
    # 28 -- two tropical storms in one region
    (
        "Typhoon Lingsa makes landfall in northern Philippines, thousands evacuated",
        "MANILA (Reuters) - Typhoon Lingsa made landfall in Isabela province in the northern Philippines on Saturday with sustained winds of 175 km/h (109 mph), forcing more than 60,000 people to flee their homes, the disaster agency said. Power was cut across much of the province, and flights and ferry services were suspended. There were no immediate reports of casualties.",
        "Tropical Storm Parvi brings flooding to central Vietnam",
        "HANOI (Reuters) - Tropical Storm Parvi brought heavy rain and flooding to central Vietnam on Saturday, killing two people and submerging thousands of homes in Quang Ngai and Binh Dinh provinces, the disaster management agency said. More than 20,000 people were evacuated and several sections of the north-south railway were closed.",
        15,
    ),
    # 29 -- two rocket launches
    (
        "Northwind Aerospace launches weather satellite from Vandenberg",
        "(Reuters) - A Northwind Aerospace rocket carrying a U.S. government weather satellite lifted off from Vandenberg Space Force Base in California on Tuesday, and the satellite was deployed into polar orbit about an hour later, the company said. The satellite will collect data used in weather forecasting and climate monitoring for at least seven years.",
        "Kite Orbital rocket fails minutes after launch from New Zealand",
        "WELLINGTON (Reuters) - A rocket built by start-up Kite Orbital failed about three minutes after lifting off from New Zealand's Mahia Peninsula on Tuesday, destroying the two small commercial satellites it was carrying. The company said an anomaly occurred during second-stage ignition and that it was working with regulators to investigate. It was Kite's third launch.",
        8,
    ),
    # 30 -- two banks' results on one day
    (
        "Ashgrove Bank third-quarter profit rises 9% on trading boom",
        "NEW YORK (Reuters) - Ashgrove Bank reported a 9% rise in third-quarter profit on Tuesday, helped by a jump in trading revenue as market volatility boosted client activity. Net income rose to $3.2 billion, or $2.41 per share. Trading revenue climbed 18%, while net interest income was flat. Shares rose 2% before the bell.",
        "Kellerman Financial profit falls as loan loss provisions climb",
        "NEW YORK (Reuters) - Kellerman Financial's third-quarter profit fell 14% as the lender set aside more money to cover souring commercial real estate and credit card loans, the company said on Tuesday. Net income fell to $1.1 billion, or 96 cents per share. Provisions for credit losses rose to $640 million from $410 million a year earlier. Shares fell 3% in premarket trading.",
        1,
    ),
    # 31 -- two rail accidents in one country
    (
        "Goods train derails in Odisha, disrupting services on key route",
        "BHUBANESWAR, India (Reuters) - Twelve wagons of a goods train carrying coal derailed in India's eastern state of Odisha early on Monday, disrupting passenger services on the main Howrah-Chennai line, railway officials said. No one was hurt. Several express trains were diverted or cancelled and restoration work was expected to take about 18 hours.",
        "Six killed as passenger train hits tractor at level crossing in Bihar",
        "PATNA, India (Reuters) - Six people were killed and nine injured when a passenger train hit a tractor-trailer at an unmanned level crossing in India's eastern state of Bihar on Monday, police said. All the dead were travelling on the tractor, which was carrying farm workers. The railway ministry ordered an inquiry and announced compensation for victims' families.",
        14,
    ),
    # 32 -- two wildfires in one state
    (
        "Canyon Oaks fire forces evacuations in Los Angeles County foothills",
        "LOS ANGELES (AP) \u2014 A wildfire fanned by Santa Ana winds forced the evacuation of about 3,000 homes in the foothills north of Los Angeles on Wednesday, fire officials said. The Canyon Oaks fire had burned 1,200 acres and was 5% contained by the afternoon. Two homes were destroyed, and one firefighter suffered minor injuries.",
        "Fast-moving Pine Hollow fire burns 8,000 acres in Shasta County",
        "REDDING, Calif. (AP) \u2014 A fast-moving wildfire in Northern California's Shasta County grew to more than 8,000 acres on Wednesday, prompting evacuation orders for several rural communities west of Redding, Cal Fire said. The Pine Hollow fire was 0% contained. Hot, dry conditions and steep terrain were hampering firefighting efforts.",
        5,
    ),
    # 33 -- oil market, two different stories
    (
        "Oil prices fall after surprise build in U.S. crude stocks",
        "NEW YORK (Reuters) - Oil prices fell more than 1% on Wednesday after government data showed an unexpected increase in U.S. crude inventories, raising concern about weak demand. Brent crude futures settled down 92 cents at $63.18 a barrel, while U.S. West Texas Intermediate crude fell 87 cents to $59.40. Crude stocks rose by 3.4 million barrels last week, the Energy Information Administration said.",
        "Saudi Aramco raises crude prices for Asian buyers",
        "DUBAI (Reuters) - Saudi Aramco has raised the official selling price for its flagship Arab Light crude for Asian buyers by 40 cents a barrel for next month, to a premium of $1.70 over the Oman/Dubai average, the company said on Wednesday. The increase was in line with expectations from refiners. Aramco also raised prices for customers in northwest Europe.",
        12,
    ),
    # 34 -- metals market, two different stories
    (
        "Gold hits record high as dollar weakens",
        "LONDON (Reuters) - Gold prices hit a record high on Monday as a weaker dollar and expectations of further U.S. interest rate cuts boosted demand for the metal. Spot gold rose 1.1% to $4,312 an ounce after touching an all-time peak earlier in the session. Silver gained 1.6%.",
        "Copper slides to six-week low on weak Chinese factory data",
        "LONDON (Reuters) - Copper prices fell to a six-week low on Monday after data showed activity in China's manufacturing sector contracted for a third month, raising concerns about demand in the world's biggest metals consumer. Benchmark copper on the London Metal Exchange fell 1.4% to $9,840 a metric ton.",
        3,
    ),
    # 35 -- same company, two trial results
    (
        "Brixton Bio's weight-loss pill helps patients shed 14% of body weight",
        "(Reuters) - Brixton Bio said on Monday its experimental once-daily obesity pill helped patients lose an average of 14% of their body weight over 68 weeks in a late-stage trial, sending its shares up 9%. About 6% of patients stopped treatment because of side effects, mainly nausea. The company plans to apply for U.S. approval next year.",
        "Brixton Bio's Alzheimer's drug fails to slow decline in mid-stage study",
        "(Reuters) - Brixton Bio said on Monday its experimental Alzheimer's treatment failed to slow cognitive decline in a mid-stage trial of 420 patients with early-stage disease, and it would stop developing the drug. The company will take a charge of about $80 million related to the programme. Brixton said it would focus resources on its obesity and diabetes pipeline.",
        6,
    ),
    # 36 -- two ministerial resignations in one government
    (
        "UK health minister resigns over undeclared consultancy payments",
        "LONDON (Reuters) - British junior health minister Simon Forde resigned on Thursday after a newspaper reported that he had failed to declare payments from a healthcare consultancy before joining the government. In his resignation letter, Forde said he had made 'an honest mistake' but did not want to become a distraction. The prime minister's office said it accepted his resignation.",
        "Foreign Office minister quits in protest over arms export policy",
        "LONDON (Reuters) - British Foreign Office minister Helen Ashworth resigned on Thursday in protest at the government's decision to resume some arms export licences to a Gulf state, saying she could not defend the policy in parliament. Ashworth, a minister since last year, said she would continue to support the government on other matters from the backbenches.",
        9,
    ),
    # 37 -- two eruptions in one country
    (
        "Etna eruption forces temporary closure of Catania airport",
        "ROME (Reuters) - An eruption of Mount Etna sent a column of ash several kilometres into the sky on Sunday, forcing the temporary closure of Catania airport in Sicily, the airport operator said. Flights were diverted to Palermo and Comiso. The National Institute of Geophysics and Volcanology said lava fountains were visible from the south-east crater.",
        "Stromboli explosion sends ash over island, hikers evacuated",
        "ROME (Reuters) - A powerful explosion at the Stromboli volcano off Sicily's northern coast on Sunday sent a plume of ash over the island and rained volcanic debris onto its slopes, Italy's civil protection agency said. About 40 hikers were escorted down from the summit paths. Authorities raised the alert level to orange and closed hiking routes.",
        10,
    ),
    # 38 -- same company, two unrelated announcements
    (
        "Hollis & Crane to close 30 stores as shoppers move online",
        "<p>Department store chain Hollis &amp; Crane is to close 30 of its 112 UK shops over the next two years, putting about 1,400 jobs at risk, as more customers switch to buying online.</p><p>The company said it would try to redeploy staff where possible. Chief executive Marianne Cole said the remaining stores would be refurbished.</p>",
        "Hollis & Crane settles equal pay claim with store staff for \u00a342m",
        "<p>Hollis &amp; Crane has agreed to pay &pound;42m to settle an equal pay claim brought by about 3,500 current and former shop-floor workers, mostly women, who argued their jobs were of equal value to those of better-paid warehouse staff.</p><p>The retailer did not admit liability. The GMB union described the settlement as a landmark victory.</p>",
        7,
    ),
    # 39 -- one regulator, two recalls by different carmakers
    (
        "Kanto Motors recalls 96,000 sedans over rear-view camera glitch",
        "WASHINGTON (Reuters) - Kanto Motors is recalling about 96,000 sedans in the United States because a software error can cause the rear-view camera image to fail to display when reversing, the National Highway Traffic Safety Administration said on Friday. Dealers will update the software free of charge. Kanto said it was not aware of any crashes linked to the issue.",
        "Brenner Trucks recalls 21,000 heavy trucks over steering defect",
        "WASHINGTON (Reuters) - Brenner Trucks is recalling about 21,000 heavy-duty trucks in the United States because a steering gear bolt may loosen and cause a loss of steering control, the National Highway Traffic Safety Administration said on Friday. The company said it knew of two crashes possibly related to the defect. Owners will be notified by mail.",
        4,
    ),
]
