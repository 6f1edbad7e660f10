# -*- coding: utf-8 -*-
# en_holdout5.py -- English hold-out test data for a news "same story" detector.
# Written on 2026-12-07 by a helper session given only a written brief, without sight of the detector, its code, its other test data or its scores. All events below are invented (fictional); companies, people, figures and quotes are made up, and real places and institutions appear only as settings.
#
# EN_SAME7: list of 32 tuples (title_a, body_a, title_b, body_b).
#   Each tuple is ONE news event reported by two different outlets, each written
#   independently (different headline, order, selection of figures, wording).
#   Expected label: same story.
#
# EN_FLASH7: list of 10 tuples (flash_title, flash_body, k).
#   A one-line wire flash on the same event as EN_SAME7[k]. Expected label: same
#   story as either side of EN_SAME7[k].
#
# EN_TOPIC7: list of 40 tuples (title_a, body_a, title_b, body_b, hours_apart).
#   Hard negatives: two DIFFERENT stories sharing an entity, place, topic or kind
#   of event, published hours_apart hours apart (0-72). Expected label: different
#   stories.

EN_SAME7 = [
    # 0 -- earnings
    ("Tarnwell Logistics profit jumps 23% as e-commerce volumes surge",
     """CHICAGO (Reuters) - Tarnwell Logistics Inc reported a 23% rise in third-quarter profit on Thursday, helped by a surge in e-commerce parcel volumes and lower fuel costs, and raised its full-year earnings forecast.

Net income rose to $412 million, or $1.87 per share, from $335 million, or $1.51 per share, a year earlier. Revenue climbed 9% to $5.06 billion, above analysts' average estimate of $4.93 billion, according to LSEG data.

The Chicago-based freight and warehousing company now expects full-year adjusted earnings of $7.10 to $7.30 per share, up from its previous forecast of $6.80 to $7.05.

Tarnwell shares rose 6% in premarket trading.""",
     "Tarnwell raises guidance after strong peak-season build",
     """<p>Tarnwell Logistics lifted its outlook for the year on Thursday after online retailers leaned harder on its warehouse network ahead of the holiday peak.</p>
<p>Chief executive Dana Whitlock told analysts that parcel volumes in the company&#8217;s e-commerce fulfilment arm grew at a double-digit pace in the quarter, while cheaper diesel helped margins in its truckload business, which had been squeezed for most of last year.</p>
<p>&#8220;Our customers started building inventory earlier than last year, and we were ready for them,&#8221; Whitlock said. She added that the company had opened three new fulfilment centres in Texas and Georgia since the spring and was &#8220;running them close to capacity&#8221;.</p>
<p>Quarterly sales came in at just over $5bn. Tarnwell now sees adjusted EPS of $7.10-$7.30 for the year, and said it would keep capital spending roughly flat in 2027.</p>"""),

    # 1 -- M&A (long article on side b)
    ("Ovington Chemicals to buy Selbrook Coatings for $6.8 billion in cash",
     """HOUSTON (Reuters) - Ovington Chemicals Corp said on Monday it would acquire Selbrook Coatings Inc for $6.8 billion in cash, expanding into higher-margin protective paints as demand for basic chemicals remains sluggish.

Ovington will pay $68.50 per share, a 31% premium to Selbrook's last close. The deal, which values Selbrook at about $8.2 billion including debt, is expected to close in the second half of next year, subject to regulatory and shareholder approval.

Ovington expects $240 million in annual cost savings within three years of closing.

Selbrook shares rose 27% in premarket trading, while Ovington shares fell 3%.""",
     "Ovington strikes nearly $7bn deal for paint maker Selbrook",
     """Ovington Chemicals has agreed to buy Selbrook Coatings in an all-cash deal worth almost $7bn, betting that demand for industrial and protective coatings will hold up even as the broader chemicals sector struggles with weak European demand and a flood of cheap Asian imports.

The Houston-based group said on Monday it would pay $68.50 for each Selbrook share, a premium of 31 per cent to the Ohio company's closing price on Friday. Including debt, the transaction values Selbrook at about $8.2bn.

The deal is the largest in the US coatings industry for more than five years and follows several months of talks, according to people familiar with the matter. Selbrook's board rebuffed an earlier approach at a lower price during the summer, the people said.

"Coatings have been the steadiest part of our portfolio through the cycle, and Selbrook gives us the scale and the customer relationships to grow it," Ruth Abernathy, Ovington's chief executive, told analysts on a conference call. "This is not a bet on a rebound in commodity chemicals. It is the opposite."

Selbrook, which makes marine paints, industrial floor coatings and corrosion-resistant finishes for bridges and pipelines, generated revenue of $3.1bn last year. Its shares jumped 27 per cent in New York to $66.40, just below the offer price, suggesting investors expect the transaction to complete. Ovington's shares fell 4.2 per cent.

Ovington said it would finance the purchase with cash on hand and about $5bn of new borrowing. It expects annual cost savings of $240mn by the end of the third year after closing, largely from combining procurement, distribution and research, and plans to pause share buybacks for two years to bring leverage back down.

Analysts were divided on the price. "They are paying a full multiple for a business that is growing in the low single digits," said Owen Whitfield, an analyst at Kerr Brothers Securities. "But the strategic logic is obvious, and the synergy target looks conservative to me."

The transaction has been approved by both boards and is expected to close in the second half of next year, subject to clearance in the US and the EU and a vote by Selbrook shareholders. Competition lawyers said the overlap between the two companies' marine paint businesses could draw scrutiny in Brussels, where Ovington already holds a sizeable share of the market for ship hull coatings.

The deal adds to a wave of consolidation in the sector. Large chemicals groups have been selling cyclical units and buying makers of specialised products that command higher margins and are less exposed to swings in energy prices.

Ovington, which employs about 21,000 people, has been restructuring itself. It closed two plants in Germany this year and sold its fertiliser business to a private equity group in the spring, moves that Abernathy said had "cleared the decks" for a large acquisition.

Selbrook's chief executive, Gary Moorcroft, will stay on to run the combined coatings division. The company's headquarters near Cleveland will remain open, Ovington said, although it did not rule out job cuts in overlapping functions."""),

    # 2 -- IPO
    ("Ferncliff Robotics shares jump 27% in Nasdaq debut",
     """NEW YORK (Reuters) - Shares of Ferncliff Robotics opened 27% above their offering price in their Nasdaq debut on Thursday, giving the warehouse automation company a market value of about $6.1 billion.

The stock opened at $30.50, compared with the IPO price of $24, which was at the top of the marketed range of $21 to $24. Ferncliff sold 36 million shares, raising $864 million.

The strong debut is a boost for a U.S. listings market that has been uneven this year, with several technology offerings pricing below their ranges.

Ferncliff, which makes autonomous mobile robots that move goods around distribution centers, posted revenue of $388 million in the 12 months to September and remains unprofitable.""",
     "Pittsburgh robot maker Ferncliff rings in its public debut",
     """<p>Ferncliff Robotics, the Strip District company whose bright orange warehouse robots started life in a Carnegie Mellon lab, is now a public company.</p>
<p>The stock began trading on the Nasdaq under the ticker FRBT on Thursday morning and changed hands at $30.50 in its first trade, well above the $24 a share set by the company and its underwriters the night before.</p>
<p>&#8220;We built this company in Pittsburgh and we&#8217;re going to keep building it here,&#8221; co-founder and chief executive Nadia Szabo told reporters from New York, where she rang the opening bell with a group of employees.</p>
<p>Ferncliff employs about 1,100 people, roughly 700 of them in the region, and has said it plans to use part of the proceeds to expand its Lawrenceville assembly plant and hire more software engineers.</p>"""),

    # 3 -- layoffs
    ("Quenby Software to cut 1,400 jobs as it reins in costs",
     """SAN FRANCISCO (Reuters) - Quenby Software Inc said on Tuesday it would cut about 1,400 jobs, or roughly 9% of its workforce, as the maker of accounting and payroll software for small businesses tries to lift margins amid slowing growth.

The company expects to record restructuring charges of $85 million to $95 million, mostly in the fourth quarter, according to a regulatory filing. Quenby shares rose 3% in extended trading.

Chief Executive Tom Varley said in a memo to employees that the cuts would fall mainly on sales and middle management, and that the company would keep hiring engineers to work on its artificial intelligence products.""",
     "Quenby to axe nearly one in 10 staff, with Dublin and Belfast offices hit",
     """The US software company Quenby is to lay off nearly a tenth of its staff, with its European hub in Dublin and a customer support centre in Belfast among the sites affected.

Quenby, whose bookkeeping tools are used by hundreds of thousands of small firms in Britain and Ireland, told employees on Tuesday that it needed to become "leaner and faster". It did not say how many of the job losses would fall in Ireland or the UK, where it employs about 2,000 people.

Staff in Belfast were told to expect consultation meetings within a fortnight, according to one employee who asked not to be named. "People have been expecting something since the summer, but nobody thought it would be this big," they said.

The cuts come as software companies across the sector shed sales and support roles while pouring money into artificial intelligence. Quenby's revenue growth has slowed from more than 20 per cent two years ago to about 8 per cent."""),

    # 4 -- CEO change (no figures)
    ("Harwick Insurance chief executive Lansdowne steps down",
     """LONDON (Reuters) - Harwick Insurance said on Friday that Chief Executive Priya Lansdowne had stepped down with immediate effect and that finance chief Martin Okoro would lead the company on an interim basis while the board searches for a permanent successor.

The insurer gave no reason for the departure. Lansdowne had run the company since its demerger from its former parent and had overseen a push into specialty lines such as cyber and marine cover.

Chair Julian Ashcombe thanked Lansdowne for her contribution. Shares in Harwick fell in early trade.""",
     "Lansdowne quits Harwick as board starts hunt for new boss",
     """<p>Priya Lansdowne has left Harwick Insurance, ending a tenure in which the London-listed insurer rebuilt its reputation with brokers but struggled to convince investors that its expansion into cyber cover was worth the risk.</p>
<p>Harwick said Martin Okoro, its chief financial officer, would take over as interim chief executive. The company has hired headhunters to look at internal and external candidates.</p>
<p>People close to the company said Lansdowne had clashed with some directors over how much capital to commit to the cyber book after a run of large claims earlier this year. Harwick declined to comment on the reasons for her exit.</p>
<p>&ldquo;It&rsquo;s an abrupt end,&rdquo; said a broker who deals regularly with the company. &ldquo;But Martin knows the numbers better than anyone there.&rdquo;</p>"""),

    # 5 -- regulator fine
    ("UK energy regulator fines Thistledown Energy 14.5 million pounds over prepayment meters",
     """LONDON (Reuters) - Britain's energy regulator Ofgem fined supplier Thistledown Energy 14.5 million pounds ($18.4 million) on Wednesday for wrongly installing prepayment meters in the homes of vulnerable customers.

Ofgem said Thistledown had failed to carry out proper welfare checks before forcing the switch on around 3,200 households between 2022 and 2024, including homes with elderly residents and young children.

The penalty includes 9.8 million pounds in compensation and goodwill payments to affected customers.

Thistledown, which supplies about 1.1 million homes, said it accepted the findings and had changed its procedures.""",
     "Thistledown hit with £14.5mn penalty over forced meter switches",
     """Thistledown Energy will pay £14.5mn after the regulator found it forced vulnerable households on to pay-as-you-go meters without checking whether they could cope.

The Office of Gas and Electricity Markets said the supplier's agents had in some cases entered homes under warrant where the occupants were disabled, seriously ill or caring for babies.

Most of the money - almost £10mn - will go directly to affected customers, with the rest paid into a fund for households struggling with energy bills.

"These were people who should have been protected, and instead they were left sitting in the dark," said Helen Carrow, Ofgem's director of enforcement.

Campaigners said the penalty did not go far enough. "This is a rounding error for a company of Thistledown's size," said Jo Pemberton of the charity Fuel Fairness."""),

    # 6 -- regulator approval (drug)
    ("FDA approves Ambrose Biosciences' drug for lung-scarring disease",
     """(Reuters) - The U.S. Food and Drug Administration on Friday approved Ambrose Biosciences' oral drug for idiopathic pulmonary fibrosis, a progressive and often fatal lung-scarring disease, the company said.

The drug, to be sold as Nevoxa, slowed the decline in lung function by 48% compared with a placebo over 52 weeks in a late-stage trial of about 1,100 patients.

Ambrose shares rose 11% in after-hours trading. The Boston-based company said the drug would be available in U.S. pharmacies within weeks.""",
     "Ambrose lands FDA nod for IPF pill Nevoxa, sets $142K price",
     """<p>Ambrose Biosciences has its first commercial product. The FDA signed off late Friday on Nevoxa (relnefibrat) for adults with idiopathic pulmonary fibrosis, setting up a fight with the two older antifibrotics that have dominated the IPF market for a decade.</p>
<p>The company will charge a wholesale acquisition cost of about $142,000 a year, CEO Lionel Marchetti said on a call with investors, roughly in line with existing therapies. Ambrose is banking on a cleaner side-effect profile: in the phase 3 VISTA-IPF study, rates of diarrhea and nausea were well below those seen with the incumbents.</p>
<p>The label does not carry a boxed warning, which analysts at one investment bank called &#8220;a best-case outcome.&#8221; Ambrose has roughly 180 sales reps ready for launch.</p>"""),

    # 7 -- lawsuit verdict
    ("Jury awards $41.2 million to family of warehouse worker killed by forklift",
     """FRESNO, Calif. (AP) — A California jury on Tuesday ordered forklift manufacturer Pelham Machinery to pay $41.2 million to the family of a warehouse worker who was crushed when a forklift rolled down a loading ramp.

Luis Arredondo, 34, died in March 2022 at a produce distribution center in Fresno. His wife and two children sued Pelham, arguing that the parking brake on the company's ProLift 500 model was defective and that the company knew of earlier failures.

The Fresno County Superior Court jury awarded $11.2 million in compensatory damages and $30 million in punitive damages after a three-week trial.

Pelham said in a statement that it disagreed with the verdict and would appeal.""",
     "Pelham ordered to pay $41M over Fresno forklift death",
     """A Fresno jury has found that a faulty brake on a Pelham forklift was to blame for the death of a father of two who was pinned against a loading dock wall, and ordered the Wisconsin-based manufacturer to pay his family more than $41 million.

Jurors deliberated for about a day and a half before returning the verdict Tuesday afternoon. Arredondo's widow, Marisol, wept as it was read.

"He went to work and he didn't come home. All we wanted was for them to admit the brake was bad," she said outside the courthouse.

Attorney Greg Tillman, who represented the family, told jurors during closing arguments that Pelham had received at least 17 complaints about the brake before the accident but waited until 2023 to issue a fix. Pelham's lawyers argued that the warehouse operator had not properly maintained the machine.

The company said it plans to appeal."""),

    # 8 -- central bank decision (long article on side b)
    ("ICELAND CENBANK CUTS KEY RATE BY 50 BPS TO 7.25%",
     """REYKJAVIK (Reuters) - Iceland's central bank cut its key interest rate by 50 basis points to 7.25% on Wednesday, citing a faster-than-expected slowdown in inflation.

Seven of eight economists polled by Reuters had forecast a cut of that size.

The bank said further easing would depend on upcoming wage settlements and the path of the krona.""",
     "Icelandic rate-setters deliver half-point cut as price pressures fade",
     """Iceland's central bank has lowered borrowing costs by half a percentage point, the biggest move in more than a year, as inflation on the North Atlantic island finally shows signs of returning towards target after years of overheating.

The Sedlabanki's monetary policy committee cut the benchmark seven-day term deposit rate to 7.25 per cent from 7.75 per cent on Wednesday, a decision that had been widely expected after consumer prices rose 3.9 per cent in the year to October, the slowest pace in almost five years.

"The disinflation process has progressed further than we expected in the autumn," governor Sigrún Hallgrímsdóttir told a press conference in Reykjavik. "But the job is not done. Inflation expectations are still above target, and the labour market remains tight."

Iceland's economy, which is heavily dependent on tourism, fishing and aluminium smelting, grew rapidly after the pandemic, pushing inflation to more than 10 per cent at its peak and prompting the central bank to raise rates to among the highest in Europe. Mortgage holders, many of whom have inflation-indexed loans, have borne much of the pain.

The housing market has cooled sharply over the past year, and tourist arrivals have levelled off after a record run, as visitors balk at some of the highest prices in the world. Unemployment has crept up but remains low by European standards.

The committee said the decision was unanimous. It said it would continue to assess whether a "sufficient tight stance" was being maintained, and noted that the real policy rate - the nominal rate minus inflation - remained well above neutral, leaving room for further cuts if price growth kept slowing.

Much depends on wage negotiations due to begin early next year, when several large union agreements expire. The previous round, concluded last year, was designed to curb pay increases in exchange for government spending on housing and child benefits, and is widely credited with helping to bring down inflation.

"The central bank is signalling it wants to see how the unions behave before it goes much further," said Björn Sveinsson, an economist at a Reykjavik-based bank. "I'd expect a pause at the next meeting unless the wage talks go very smoothly."

The krona was little changed against the euro after the announcement. The currency has been relatively stable this year, helped by strong fish exports and foreign investment in data centres powered by the country's cheap geothermal and hydroelectric energy.

The finance ministry welcomed the cut, saying it would ease pressure on households and small businesses. Opposition politicians, however, said the bank had waited too long and that high rates had inflicted unnecessary damage on young families trying to buy homes.

The next rate decision is due in February."""),

    # 9 -- economic data
    ("Irish inflation eases to 1.8% in November - CSO flash estimate",
     """DUBLIN (Reuters) - Irish consumer price inflation slowed to 1.8% in November from 2.4% in October, a flash estimate from the Central Statistics Office showed on Friday, as energy prices fell and food inflation cooled.

Prices as measured by the EU-harmonised index (HICP) rose 0.1% month-on-month.

Energy prices were 4.6% lower than a year earlier, while food and non-alcoholic beverages were up 2.9%.

Ireland's inflation rate has been below the euro zone average for most of this year.""",
     "Price growth slows as energy bills come down",
     """The pace of price increases slowed sharply last month as cheaper electricity and fuel fed through to household budgets, new figures show.

Consumer prices were 1.8 per cent higher in November than a year earlier, down from 2.4 per cent the previous month, according to the CSO's flash reading.

Services inflation, which includes rents, restaurant meals and insurance, remained stubborn at 3.6 per cent.

Economists said the figures gave the Government more room to hold back on cost-of-living supports in next year's budget.

"The energy drag is doing a lot of the work here," said Conor Fitzmaurice, chief economist at stockbroker Dalkey Partners. "Underlying inflation is still running hotter than the headline suggests," he added, pointing to rents."""),

    # 10 -- strike (no figures)
    ("Dublin Bus drivers stage walkout in roster dispute",
     """DUBLIN (Reuters) - Dublin Bus drivers walked off the job on Monday in a dispute over new rosters, halting most services in the Irish capital and pushing commuters on to trains, trams and roads already clogged with morning traffic.

The National Bus and Rail Union said the company had imposed shift patterns without agreement that left drivers working longer split shifts. Dublin Bus said the changes were needed to improve reliability and that it remained open to talks at the Workplace Relations Commission.

Transport Minister Aoife Brennan urged both sides to return to the table.""",
     "Commuters left stranded as city bus drivers down tools",
     """Bus stops across the capital were crowded with frustrated commuters this morning after drivers at Dublin Bus began an open-ended strike over what their union describes as "punishing" new rosters.

Only a handful of routes run by private operators were unaffected. Luas trams were packed by the early rush, and there were long queues for taxis outside Heuston and Connolly stations.

"I've been standing here since before dawn and nobody has told us anything," said Siobhán Keane, a nurse trying to reach St James's Hospital for her shift.

Management at Dublin Bus said it regretted the disruption and was ready to meet union representatives "at any time". The union said drivers would stay out until the new rosters were withdrawn."""),

    # 11 -- election (long article on side a)
    ("Pro-European alliance wins Montenegro election but must hunt for partners",
     """Montenegro's pro-European Civic Europe Movement has won the country's parliamentary election, but will need to strike a deal with smaller parties to govern, leaving the small Adriatic nation facing weeks of coalition bargaining at a crucial moment in its bid to join the European Union.

The movement, led by the 44-year-old former central bank economist Andrej Vukotić, took about a third of the vote on Sunday, according to a preliminary count, putting it on course for roughly 29 seats in the 81-member parliament. That is well short of the 41 needed for a majority.

The pro-Serbian Unity for Montenegro bloc, led by Milan Radulović, came second with just under a quarter of the vote, a weaker result than polls had suggested. The Democratic Party of Socialists, which dominated Montenegrin politics for three decades until it lost power, trailed in third.

"Tonight the citizens of Montenegro said clearly which direction they want to go - towards Europe, towards the rule of law, towards a country where young people do not have to leave to find a future," Vukotić told cheering supporters in Podgorica, waving an EU flag.

He said he would begin talks with "all parties that share our European values" on Monday, but ruled out any arrangement with Radulović's bloc, which opposes recognising Kosovo and has called for closer ties with Belgrade and Moscow.

Montenegro, a country of about 620,000 people that uses the euro without being a member of the currency union, is regarded in Brussels as the frontrunner among the western Balkan candidates. It has provisionally closed several negotiating chapters in the past year, and officials have spoken of completing accession talks before the end of the decade.

But its politics have been volatile. The last government collapsed after less than two years amid a row over a stalled motorway project and allegations of links between senior officials and organised crime groups involved in cigarette and cocaine smuggling through the port of Bar.

Analysts said the most likely outcome was a coalition between Civic Europe, a liberal grouping and parties representing the Bosniak and Albanian minorities, which together would command a narrow majority. "It will be a fragile government, but a functional one, as long as Vukotić doesn't try to go it alone on everything," said Jelena Marković, a political scientist at the University of Montenegro.

Turnout was about 61 per cent, broadly in line with the previous election. International observers are due to give their preliminary assessment of the vote on Monday. The campaign was marked by complaints of vote-buying in some northern municipalities, which the state election commission said it would investigate.

Radulović conceded that his bloc had fallen short of its goals but said it would be "the strongest opposition this country has ever seen". He accused the government of using state media to favour pro-Western candidates.""",
     "Montenegro's Civic Europe bloc leads parliamentary vote, short of majority - preliminary results",
     """PODGORICA (Reuters) - Montenegro's pro-Western Civic Europe Movement won the most votes in Sunday's parliamentary election but fell short of a majority, preliminary results from the state election commission showed.

With 92% of polling stations counted, the movement led by Andrej Vukotić had 34.6% of the vote, ahead of the pro-Serbian Unity for Montenegro alliance on 23.8%. That would give Vukotić's party 29 of the 81 seats in parliament.

Turnout was 61.2%. Vukotić said he would open coalition talks with smaller pro-EU and minority parties."""),

    # 12 -- sports result (football)
    ("Soccer-Ajax beat PSV 3-1 to go top of Eredivisie",
     """AMSTERDAM (Reuters) - Ajax came from behind to beat PSV Eindhoven 3-1 on Sunday and move to the top of the Eredivisie, with winger Daan Bakker scoring twice in the second half.

PSV took the lead through Luca Verhoef in the 18th minute, but Ajax equalised before halftime when defender Jorrit Mulder headed in a corner. Bakker put the hosts ahead in the 61st minute and sealed the win with a curling shot in stoppage time.

Ajax have 34 points from 14 games, one ahead of PSV and Feyenoord.""",
     "Bakker double as Ajax turn the tables on PSV in De Topper",
     """Daan Bakker was the hero of the Johan Cruijff ArenA on Sunday afternoon as Ajax fought back from a goal down to beat their great rivals 3–1 and leapfrog them at the summit.

The Eindhoven side had silenced the crowd early when Verhoef slotted in after a loose pass in midfield, and for half an hour the visitors looked the better team.

Everything changed after Mulder's towering header just before the break. Bakker, 21, cut inside to beat the goalkeeper at his near post on the hour and then curled home a second deep into added time to spark wild celebrations in the stands.

"We showed character today," said Ajax coach Henk Vos. "A month ago we would have lost this game."

PSV coach Ruud van Lier said his players had "stopped playing" after the equaliser."""),

    # 13 -- sports result (cricket)
    ("Pakistan beat Sri Lanka by six wickets to level ODI series",
     """RAWALPINDI, Pakistan (Reuters) - Opener Imran Rehman struck an unbeaten 118 as Pakistan chased down 287 with 11 balls to spare to beat Sri Lanka by six wickets in the second one-day international on Friday and level the three-match series at 1-1.

Sri Lanka, put in to bat, made 286 for eight, with captain Dinesh Wickramasinghe top-scoring with 94. Fast bowler Haris Qureshi took three for 51.

The deciding match is in Lahore on Monday.""",
     "Rehman ton powers Pakistan to series-levelling win",
     """Imran Rehman's composed century steered Pakistan home against Sri Lanka at the Pindi Cricket Stadium, setting up a decider in Lahore.

Chasing 287, the hosts were wobbling at 92-3 when Rehman was joined by Saad Javed, and the pair added 141 for the fourth wicket to take the game away from the visitors. Javed fell for 67, but Rehman, unbeaten on 118 from 131 balls, finished the job with a six over long-on in the 49th over.

Earlier, Wickramasinghe's 94 had held the Sri Lankan innings together after Qureshi ripped out the top order with the new ball.

"The pitch got better under lights, but credit to Imran, he batted like a senior player," said Pakistan captain Adnan Sheikh."""),

    # 14 -- sports result (ice hockey)
    ("Maple Leafs beat Canadiens 4-2 behind Lindqvist's two goals",
     """TORONTO (AP) — Erik Lindqvist scored twice, including an empty-netter, and the Toronto Maple Leafs beat the Montreal Canadiens 4-2 on Saturday night.

Connor Walsh and Mitch Dorval also scored for Toronto, which has won four straight. Goalie Petr Novak made 31 saves.

Alexandre Pelletier and Jake Moreau scored for Montreal, and Samuel Gagnon stopped 27 shots. The Canadiens have lost three of their last four.""",
     "Habs fall to Leafs as late push comes up short",
     """Maple Leafs 4, Canadiens 2

The Habs pulled within a goal midway through the third period on Jake Moreau's power-play marker, but Erik Lindqvist hit the empty net with 41 seconds left to seal it for Toronto at Scotiabank Arena.

Montreal coach Marc-André Roy was unhappy with a sluggish start that saw his side fall behind 2-0 in the first. "We gave them too much respect early," he said.

Alexandre Pelletier opened Montreal's account in the second, but Connor Walsh restored the two-goal cushion for the Leafs minutes later.

Sam Gagnon was solid in goal for the Canadiens, but Petr Novak was better at the other end."""),

    # 15 -- weather (long article on side a)
    ("One dead and tens of thousands without power as Storm Oriel lashes south-west",
     """A man has died and tens of thousands of homes have been left without electricity after Storm Oriel swept across Cornwall and Devon, bringing gusts of more than 90mph, toppling trees and causing heavy disruption to road and rail travel.

Devon and Cornwall police said a man in his 60s was killed when a tree fell on to his car on the A30 near Bodmin shortly after 7am on Sunday. Emergency services were called but he was pronounced dead at the scene. His family has been informed.

"This is a tragic incident and our thoughts are with the man's loved ones," said Ch Supt Karen Mallory. "We would urge people not to travel unless it is absolutely necessary while the storm is at its height."

The Met Office recorded a gust of 92mph at Camborne and 87mph at Berry Head, with amber wind warnings in force across much of the south-west until the early evening. A yellow warning for rain covers large parts of southern England and south Wales until Monday morning.

National Grid Electricity Distribution said about 45,000 properties were without power at the peak of the storm, mostly in west Cornwall and on Dartmoor. By late afternoon engineers had reconnected more than half of them, but the company warned that some rural customers might not have supplies restored until Tuesday because fallen trees were blocking access to damaged lines.

Great Western Railway cancelled all services west of Exeter after debris blocked the line in several places and waves broke over the sea wall at Dawlish. Ferries and flights to the Isles of Scilly were suspended, and the Tamar Bridge was closed to high-sided vehicles.

In Looe, shopkeepers sandbagged their doors as high tides and storm surge pushed seawater into the lower streets. The Environment Agency had 14 flood warnings and more than 40 flood alerts in place across Devon and Cornwall on Sunday afternoon.

"I've lived here for 30 years and I've never seen the harbour like it," said Terry Penhale, who runs a fishing tackle shop on the quay. "The boats were being thrown around like toys."

Cornwall council opened rest centres in Penzance and St Austell for people whose homes had been damaged or left without heating, and said schools would decide individually on Monday whether to open.

Oriel is the fourth named storm of the season. Forecasters said winds would ease overnight as the system moved north-east across England, but warned that another deep area of low pressure could bring further unsettled weather later in the week.""",
     "Storm Oriel kills one in southwest England, cuts power to 40,000 homes",
     """LONDON (Reuters) - A 67-year-old man was killed when a tree fell on his car in Cornwall as Storm Oriel brought winds of up to 92 miles per hour (148 km per hour) to southwest England on Sunday, police said.

More than 40,000 homes were without electricity, rail services west of Exeter were cancelled and ferries to the Isles of Scilly were suspended.

Britain's Met Office issued amber wind warnings for Cornwall and Devon and said the storm would weaken as it moved across England overnight."""),

    # 16 -- disaster: earthquake (long article on side b)
    ("Magnitude 6.3 earthquake hits southern Philippines, killing 7",
     """MANILA (Reuters) - A magnitude 6.3 earthquake struck off the southern Philippine island of Mindanao on Wednesday, killing at least 7 people and damaging schools and homes, authorities said.

The quake hit at a depth of 23 km (14 miles) off the coast of Davao Oriental province, the Philippine Institute of Volcanology and Seismology (PHIVOLCS) said. The U.S. Geological Survey measured it at magnitude 6.1.

No tsunami warning was issued. Dozens of people were injured, mostly by falling debris, the civil defence office said.""",
     "Seven killed as strong quake rocks Mindanao, schools and church damaged",
     """Seven people were killed and more than 60 injured when a strong earthquake struck off the eastern coast of Mindanao on Wednesday afternoon, collapsing classroom walls, cracking a centuries-old church and sending shoppers running from malls in Davao City.

The state seismology agency, PHIVOLCS, said the quake had a magnitude of 6.3 and was centred at sea about 30 kilometres east of the town of Manay in Davao Oriental province. It was felt strongly across much of the southern Philippines, and more than a hundred aftershocks were recorded in the following hours.

Among the dead were two children who were hit by a falling concrete wall at an elementary school in Manay, according to the provincial disaster risk reduction office. A woman was killed when her house collapsed in the neighbouring town of Caraga, and four others died in separate incidents in Davao Oriental and Davao de Oro, officials said.

"The shaking was very strong, maybe a minute, and the children were screaming," said Rowena Dalisay, a teacher at a school in Manay, who helped lead pupils on to the playground. "We practised the drill many times, but this was different."

Provincial disaster officer Renato Cabahug said the number of casualties could rise as teams reached remote coastal villages where roads had been blocked by landslides. "Communications are still down in some barangays, so we don't have a complete picture yet," he said.

The US Geological Survey put the magnitude at 6.1. PHIVOLCS said there was no threat of a destructive tsunami but advised residents of coastal communities to stay away from the shore as a precaution, and warned of damaging aftershocks.

In Davao City, the largest city on Mindanao, power was cut in several districts and classes were suspended for the rest of the day. Videos posted on social media showed ceiling panels crashing down inside a shopping centre as customers rushed for the exits, and cracks opening in the walls of a hospital wing, which was evacuated.

The bell tower of a Spanish-era church in the town of Baganga partially collapsed, local officials said, though no one was inside at the time.

President's office spokespeople said the national government had dispatched military aircraft with relief goods, tents and medical teams, and that the social welfare department was preparing food packs for families who had fled their homes.

The Philippines lies on the Pacific "Ring of Fire" and is hit by frequent earthquakes, most of them too weak to cause damage. Davao Oriental has been struck by several strong quakes in recent years, and local officials have pushed for stricter enforcement of building codes for schools.

Authorities said they would inspect all public school buildings in the province before allowing classes to resume."""),

    # 17 -- disaster: road accident
    ("Bus plunges into ravine in Peru's Andes, killing 19",
     """LIMA (Reuters) - At least 19 people were killed and 26 injured when a passenger bus fell about 200 meters (650 feet) into a ravine in Peru's southern Andes early on Tuesday, police said.

The bus, operated by Transportes Qori Wayra, was travelling from Ayacucho to Lima when it left the road near the town of Huaytará in the Huancavelica region. The cause of the crash was under investigation.

Road accidents are common in Peru's highlands, where narrow mountain roads often lack guardrails.""",
     "Nineteen dead after bus leaves mountain road in Huancavelica",
     """<p>Nineteen people died and more than two dozen were hurt after an interprovincial bus went over the edge of a highway in Huancavelica before dawn on Tuesday, regional authorities said.</p>
<p>Rescue teams and local residents worked for hours to reach survivors at the bottom of the gorge, using ropes to haul stretchers up the steep slope. The injured were taken to hospitals in Ica and Huaytará.</p>
<p>Survivors told local radio that the driver had been going too fast on a sharp curve. Peru&#8217;s transport ministry said it had opened an inquiry into the operator, which had been fined twice this year for safety violations.</p>"""),

    # 18 -- product launch
    ("Nuvix's new Pulse 3 watch tracks your blood pressure without a cuff",
     """Nuvix Wearables just announced the Pulse 3, and its headline feature is something smartwatch makers have been chasing for years: blood pressure readings from your wrist, no inflatable cuff required.

The watch uses an optical sensor array and a pressure-sensitive strap to estimate systolic and diastolic pressure, and it will nudge you if it sees readings consistently above 135/85. Nuvix says the feature has FDA clearance as a notification tool - it won't diagnose hypertension, and you'll still need to calibrate it against a traditional cuff once a month.

Elsewhere, it's a modest update: a slightly brighter screen, a new titanium option, and a battery rated at four days, up from two and a half on the Pulse 2.

The Pulse 3 starts at $449 for the 42mm aluminum model and ships on October 14.""",
     "Nuvix unveils blood-pressure smartwatch to take on bigger rivals",
     """(Reuters) - Nuvix Wearables on Tuesday launched a smartwatch that can monitor blood pressure without a cuff, as the smaller fitness-device maker tries to win customers from larger rivals with health features.

The Pulse 3 will sell for $449 in the United States and will be available in Europe early next year, pending regulatory approval, the San Diego-based company said.

"Hypertension is a silent killer, and most people who have it don't know it," Chief Executive Carla Jiménez said at a launch event.

Nuvix, which went public in 2021, has struggled to grow as consumers hold on to their devices for longer. Its shares have fallen about 40% this year."""),

    # 19 -- outage (no figures)
    ("Ferrolink broadband outage leaves customers across Wales offline",
     """CARDIFF (Reuters) - Broadband provider Ferrolink suffered a major outage on Thursday that cut internet and landline services for homes and businesses across Wales and parts of western England, the company said.

Ferrolink said a fault at a core network site near Newport had caused the disruption and that engineers were working to restore service. It did not say how many customers were affected.

Some customers reported they were unable to make emergency calls from landlines that run on the company's network, and the Welsh government urged people to use mobile phones if they needed help.""",
     "Homes and businesses cut off as Ferrolink network goes down",
     """<p>Shops were unable to take card payments and people working from home were left without a connection after Ferrolink&rsquo;s network failed this morning.</p>
<p>Customers in Swansea, Carmarthen, Aberystwyth and the valleys reported losing their internet shortly after breakfast, with many also finding their landline phones had gone dead.</p>
<p>&ldquo;We&rsquo;ve had nothing all morning and no word from them,&rdquo; said caf&eacute; owner Rhian Pugh in Llandeilo. &ldquo;We&rsquo;re cash only until it comes back.&rdquo;</p>
<p>Ferrolink apologised and blamed an equipment failure, adding that services were gradually being restored. The regulator Ofcom said it was in contact with the firm.</p>"""),

    # 20 -- court ruling (no figures; long article on side a)
    ("Supreme Court finds Scootly riders are employees in landmark gig economy ruling",
     """Food delivery riders working for Scootly are employees rather than self-employed contractors, the Supreme Court has ruled, in a decision that could reshape the gig economy in Ireland and expose app-based companies to large bills for back pay, holiday pay and social insurance contributions.

In a unanimous judgment delivered on Thursday, the court dismissed Scootly's appeal against earlier findings by the Court of Appeal and the Workplace Relations Commission, which had both concluded that the riders were in reality working under contracts of employment.

Scootly had argued that its riders were free to log on and off the app whenever they chose, could work for rival platforms at the same time, and could even send a substitute to carry out a delivery in their place. Those features, the company said, were incompatible with an employment relationship.

The court rejected that argument. Writing for the court, the judge said the question was not what the written contract said but what happened in practice. The evidence showed that Scootly set the fees, decided which orders riders were offered, monitored their performance through the app and could deactivate them at will, she said. The right of substitution, while written into the contract, was "largely illusory" and had rarely if ever been used.

"In reality this is a relationship of control," the judgment said. "The fact that the control is exercised by an algorithm rather than a supervisor does not alter its character."

The case was brought by the Revenue Commissioners, which had sought to collect income tax and social insurance contributions that it said Scootly should have deducted from riders' pay. But lawyers said its implications would stretch far beyond tax.

"This is the most significant employment law decision in this jurisdiction in a generation," said Órla Gallagher, an employment solicitor at a Dublin firm. "Every platform operating here will be looking at its contracts tonight, and many will conclude they need to change their model."

Scootly said it was disappointed and was studying the judgment carefully. In a statement, the company said that the vast majority of its riders valued the flexibility of self-employment and did not want to become employees. It warned that it might have to reduce the number of riders it works with or raise fees to restaurants and customers.

Trade unions welcomed the ruling. The general secretary of the Irish Congress of Trade Unions said it was "a great day for workers who have been told for too long that they are their own boss when everyone knows they are not".

The Government said it would examine the judgment in the context of forthcoming EU rules on platform work, which also create a presumption of employment for gig workers in some circumstances. A spokesman for the Minister for Enterprise said the department would engage with employers and unions in the coming weeks.

It was not immediately clear whether riders would be entitled to claim arrears directly from the company, a question that lawyers said was likely to be tested in further litigation.""",
     "Irish top court rules delivery app Scootly's couriers are employees, not contractors",
     """DUBLIN (Reuters) - Ireland's Supreme Court ruled on Thursday that riders for food delivery app Scootly are employees, upholding lower court decisions in a case closely watched by gig economy companies across Europe.

The court said the degree of control Scootly exercised over riders through its app meant they were working under employment contracts, despite being classed as self-employed.

The case was brought by Ireland's tax authority, which argued Scootly should have deducted income tax and social insurance from riders' earnings. Scootly said it was disappointed with the decision and was reviewing it."""),

    # 21 -- CEO change
    ("Grantham Foods names Ana Ferraz as next chief executive",
     """LONDON (Reuters) - British food producer Grantham Foods said on Wednesday it had appointed Ana Ferraz, currently head of its European business, as chief executive, succeeding Robert Haig, who will retire on March 31 after 11 years in the role.

Ferraz, 48, joined Grantham in 2017 from a Brazilian meat processor and has led its continental operations since 2021.

Grantham shares rose 2.1% in morning trade.""",
     "Grantham taps insider Ferraz to succeed long-serving boss Haig",
     """The maker of Ridley's pies and Bramble Hill ready meals has turned to one of its own to replace its veteran chief executive, naming Ana Ferraz as Robert Haig's successor.

Haig, who has led Grantham for more than a decade and steered it through the pandemic and a bruising spell of food-price inflation, will step down at the end of the financial year.

Ferraz, who was born in Porto and began her career in consumer goods in Lisbon, has run Grantham's European division, where sales have grown faster than in its home market.

Analysts said the choice signalled continuity. "She's the safe pair of hands investors wanted," said Tom Reddish at Linwood Capital. "The question is whether continuity is enough when the UK business is barely growing.\""""),

    # 22 -- economic data
    ("U.S. HOUSING STARTS RISE 7.4% IN OCTOBER TO 1.412 MLN UNIT RATE; PERMITS 1.398 MLN",
     """WASHINGTON (Reuters) - U.S. housing starts rose 7.4% to a seasonally adjusted annual rate of 1.412 million units in October, the Commerce Department said on Tuesday.

Economists polled by Reuters had forecast starts at a rate of 1.350 million units. September starts were revised down to 1.315 million.

Building permits rose 1.9% to a rate of 1.398 million units.""",
     "Home construction rebounds in October as builders ramp up single-family projects",
     """WASHINGTON (AP) — U.S. builders broke ground on more homes last month than economists expected, a sign that lower mortgage rates are starting to revive the housing market.

Construction began on homes at an annual pace of about 1.41 million in October, up from September's 1.32 million, the government reported Tuesday. Most of the gain came from single-family homes, which jumped 9.1%. Starts on apartment buildings were little changed.

"Builders are responding to the first real pickup in buyer traffic we've seen in two years," said Nadia Petrosyan, chief economist at Corbin Mortgage Analytics.

The South and Midwest led the increase, while starts fell in the Northeast."""),

    # 23 -- regulator approval (no figures)
    ("EU clears Aerlume's takeover of Baltica Air after slot concessions",
     """BRUSSELS (Reuters) - The European Commission on Thursday approved Irish low-cost carrier Aerlume's acquisition of Latvian airline Baltica Air, after Aerlume agreed to give up take-off and landing slots at Riga and Vilnius airports to rival airlines.

The Commission had opened an in-depth investigation over concerns that the deal would reduce competition on routes between the Baltic states and western Europe. It said the remedies offered fully addressed those concerns.

Aerlume said it expected to complete the deal within weeks.""",
     "Brussels waves through Aerlume-Baltica tie-up with remedies",
     """Aerlume has won approval from EU competition authorities for its purchase of Baltica Air, clearing the way for the Dublin-based budget airline to build a major base in the Baltics.

The green light comes with strings attached. Aerlume must hand over slots at Riga and Vilnius to a competitor approved by Brussels, after the Commission raised concerns about overlaps on routes linking the Baltic capitals with Dublin, London and Berlin.

Aerlume's chief executive, Declan Moriarty, said the carrier would keep the Baltica brand for now. "Riga is going to be a very important base for us, and we intend to grow it," he said.

Baltica's unions, which had opposed the deal, said they would seek guarantees on jobs and pay."""),

    # 24 -- lawsuit (no figures)
    ("Novelists sue AI start-up Parlance over use of books to train chatbot",
     """NEW YORK (Reuters) - A group of novelists sued artificial intelligence start-up Parlance in Manhattan federal court on Wednesday, accusing it of copying their books without permission to train the large language model behind its Parla chatbot.

The proposed class action, led by crime writer Helen Marsh and science-fiction author Daniel Oduya, alleges Parlance downloaded pirated copies of their novels from so-called shadow libraries. It seeks unspecified damages and an order barring Parlance from using the works.

Parlance did not immediately respond to a request for comment.""",
     "Authors file class action against Parlance, citing 'shadow library' downloads",
     """<p>Helen Marsh, Daniel Oduya and several other writers have filed suit against Parlance in the Southern District of New York, claiming the San Francisco AI company built its flagship model on pirated books.</p>
<p>The complaint says internal documents show engineers knowingly pulled titles from pirate sites because licensing them would have been &ldquo;too slow and too expensive.&rdquo;</p>
<p>&ldquo;Writers are not a free raw material,&rdquo; Marsh said in a statement released by the authors&rsquo; lawyers. The filing joins a growing pile of copyright cases against AI developers in American courts.</p>
<p>A Parlance spokesperson said the company believed its training practices were lawful and that it would defend itself vigorously.</p>"""),

    # 25 -- earnings (long article on side a)
    ("Pennington's lifts payout as grocery sales outpace rivals",
     """Pennington's has raised its interim dividend after a rise in first-half profits, as the upmarket supermarket and clothing chain continued to win shoppers from rivals despite a squeeze on household budgets.

The group reported pre-tax profit of £186mn for the 26 weeks to late September, up 11 per cent on the same period last year, on revenue that rose 5.3 per cent to £4.72bn. Like-for-like sales in its food halls rose 4.1 per cent, outpacing the wider grocery market, while clothing and home sales were up 1.8 per cent.

Shares in the group rose 5.8 per cent in morning trading in London, making it one of the best performers in the FTSE 250, as analysts said the results had comfortably beaten expectations.

Chief executive Fiona Galbraith said the group's strategy of investing in prices on everyday staples while expanding its premium ranges was paying off. "Customers are being careful, but they are still willing to treat themselves, and they want to do it somewhere they trust," she said. "We have kept our prices sharp on the basics and we have given people reasons to trade up."

The interim dividend was increased to 4.1p a share from 3.7p. Pennington's also said it would buy back up to £100mn of its own shares over the next 12 months, the first buyback since before the pandemic, reflecting a stronger balance sheet after it cut net debt by almost a third over the past two years.

The company kept its full-year guidance for pre-tax profit of £390mn to £410mn, but said it now expected to finish "towards the upper end" of that range.

The results are a turnaround for a business that only three years ago was closing stores and had been written off by some investors as a fading mid-market brand squeezed between discounters and online fashion retailers. Since then it has shut underperforming high street shops, opened smaller food-only stores in commuter towns and revamped its website and app, which now account for almost a fifth of clothing sales.

Galbraith warned that costs would rise next year because of increases in the national living wage and employers' national insurance contributions, which together will add about £60mn to the wage bill. She said the group planned to offset most of this through savings in its supply chain and greater use of automation in distribution centres.

Clothing remains the weaker part of the business. Sales of womenswear were held back by unseasonably warm weather in September, Galbraith said, though trading had picked up since temperatures fell.

Analysts at one broker said the group was "firing on all cylinders in food" but cautioned that clothing would need to improve if the shares were to keep rising. "The valuation now assumes this momentum continues, which leaves less room for error," they wrote.

Pennington's will update investors on Christmas trading in January.""",
     "UK retailer Pennington's first-half profit rises 11%, raises interim dividend",
     """LONDON (Reuters) - British retailer Pennington's reported an 11% rise in first-half profit on Wednesday, helped by strong food sales, and raised its interim dividend.

Pretax profit for the six months was 186 million pounds ($236 million). Like-for-like food sales rose 4.1%.

The company raised its interim dividend to 4.1 pence per share from 3.7 pence and said full-year profit would be towards the upper end of its 390 million to 410 million pound guidance. Shares rose 5% in early trading."""),

    # 26 -- election (local)
    ("Independent Kowalczyk wins Krakow mayoral runoff",
     """WARSAW (Reuters) - Independent candidate Ewa Kowalczyk won the runoff for mayor of Krakow on Sunday, defeating the ruling coalition's candidate in Poland's second-largest city, preliminary results showed.

Kowalczyk, a 46-year-old urban planner who campaigned on cleaner air and cheaper public transport, took 54.6% of the vote against 45.4% for Tomasz Zieliński, according to the city electoral office, with nearly all ballots counted. Turnout was 48%.

The result is a setback for the governing coalition, which had backed Zieliński heavily.""",
     "Kraków elects its first woman mayor",
     """<p>Ewa Kowalczyk will become the first woman to run Kraków after she defeated Tomasz Zieliński in Sunday&#8217;s second-round vote, capping a campaign that began as a long shot.</p>
<p>The former city planning official, who ran without party backing, won comfortably with about 55 per cent, according to near-complete results.</p>
<p>&#8220;Kraków chose change, not a party,&#8221; she told supporters at a rally in the Main Market Square. Zieliński conceded late on Sunday evening.</p>
<p>Kowalczyk has promised to ban older diesel cars from the city centre and to make trams free for under-18s.</p>"""),

    # 27 -- disaster: avalanche
    ("Avalanche kills three off-piste skiers near Zermatt",
     """GENEVA (Reuters) - Three skiers were killed on Saturday when an avalanche swept them away off-piste near the Swiss resort of Zermatt, police in the canton of Valais said.

The victims, all German nationals aged between 31 and 45, were part of a group of five skiing outside marked runs without a guide. The other two raised the alarm.

Rescuers using dogs and a helicopter recovered the bodies within two hours. The avalanche risk in the area had been rated at level 3 of 5, or "considerable", after heavy snowfall this week.""",
     "Off-piste group caught in Valais avalanche; police confirm deaths",
     """Rescue helicopters were called to the Schwarzsee area above Zermatt shortly after midday on Saturday after a slab avalanche broke loose on a steep north-facing slope.

Cantonal police said three people buried by the snow were found dead. Two companions who escaped were flown to hospital in Visp for checks.

The national avalanche warning service had warned of an unstable snowpack across the upper Valais after the week's storms. "People need to take these bulletins seriously, especially away from the pistes," a police spokesman said.

The victims were from Germany. Their names have not been released."""),

    # 28 -- outage (exchange)
    ("Oslo stock exchange halts trading for nearly three hours after technical glitch",
     """OSLO (Reuters) - Trading on the Oslo stock exchange was suspended for nearly three hours on Wednesday because of a technical problem, the bourse said, leaving investors unable to buy or sell shares in Norway's oil, shipping and seafood companies.

Oslo Bors, owned by Euronext, said the halt was caused by a problem with its trading platform and was not the result of a cyberattack.

Trading resumed at 12:47 p.m. (1147 GMT). The benchmark index closed 0.4% lower.""",
     "Oslo Børs outage freezes Norwegian equities for the morning",
     """<p>Norway&#8217;s stock market went dark for most of Wednesday morning after a software fault on Euronext&#8217;s trading system stopped orders from being matched.</p>
<p>Trading in shares, bonds and exchange-traded funds on Oslo Børs halted shortly before 10am local time, just as brokers were preparing for a busy session after strong salmon export figures. The exchange reopened with an auction at a quarter to one.</p>
<p>&#8220;It&#8217;s frustrating, but at least nobody lost money on a bad trade,&#8221; said one Oslo equity trader. Finanstilsynet, the financial regulator, said it had asked for a report on the incident.</p>"""),

    # 29 -- strike (long article on side a)
    ("Hospitals on emergency footing as nurses walk out across New Zealand",
     """Hospitals across New Zealand switched to emergency-only staffing on Thursday as tens of thousands of nurses, midwives and healthcare assistants walked off the job for 24 hours in the biggest strike in the country's health system for a generation.

The New Zealand Nurses Organisation said about 36,000 of its members employed by Health New Zealand had joined the strike, which began at 7am. Picket lines formed outside hospitals from Whangārei to Invercargill, with nurses waving placards reading "Safe staffing saves lives" and "We can't care if we're not there".

Health New Zealand said about 4,000 planned surgeries and outpatient appointments had been postponed. Emergency departments, intensive care units and maternity wards remained open under "life-preserving services" agreements negotiated with the union, with senior doctors and managers covering some shifts.

The dispute centres on pay and staffing levels. The union is seeking a pay rise to keep up with the cost of living and a commitment to enforceable nurse-to-patient ratios, which it says are needed to stop experienced nurses leaving for Australia, where salaries are significantly higher.

Health New Zealand's latest offer was a pay increase of 1.5 per cent a year over three years, which the union described as "an insult". The agency said it could not afford more without cutting services and that it had already recruited more than 1,000 additional nurses, most of them trained overseas, over the past year.

"Our members do not take this decision lightly," said the union's chief executive, Moana Kereama, speaking outside Wellington Hospital. "But every day they are going to work on wards that are short-staffed and unsafe, and they are going home exhausted and heartbroken. Something has to change."

Health Minister Graham Alderson said the strike was "disappointing and unnecessary" and urged the union to return to mediation. "We value our nurses enormously, but we have to live within our means," he said. "The offer on the table is fair in the current fiscal environment."

The government has been trying to rein in spending across the public sector to return the budget to surplus, and has faced a string of industrial disputes this year, including strikes by teachers and senior doctors.

Patients' groups said they supported the nurses' demands but were worried about the impact of repeated disruption on people waiting for treatment. The waiting list for elective surgery has grown by almost a quarter in the past two years.

At Christchurch Hospital, nurse Hana Whitiora, who has worked in the emergency department for 14 years, said she had lost count of the number of colleagues who had moved across the Tasman. "We train them, they get good, and then they leave because they can earn 30 per cent more and actually have a break on their shift," she said.

The union said further strikes were possible if there was no improved offer before the end of the month.""",
     "New Zealand nurses stage 24-hour strike over pay and staffing",
     """WELLINGTON (Reuters) - Some 36,000 nurses in New Zealand went on strike for 24 hours on Thursday, forcing public hospitals to postpone thousands of planned operations in a dispute with the government over pay and staffing levels.

The New Zealand Nurses Organisation rejected an offer of annual pay rises of 1.5% over three years from state agency Health New Zealand, saying wards were dangerously understaffed.

Emergency services remained open. The government urged the union to return to mediation."""),

    # 30 -- central bank decision
    ("BANK OF THAILAND CUTS ONE-DAY REPO RATE BY 25 BPS TO 1.50%; VOTE 5-2",
     """BANGKOK (Reuters) - The Bank of Thailand cut its key one-day repurchase rate by 25 basis points to 1.50% on Wednesday, as expected by most economists in a Reuters poll.

Five of the seven members of the Monetary Policy Committee voted for the cut, while two voted to hold.

The central bank lowered its growth forecast for next year to 1.9% from 2.2%.""",
     "Thai central bank trims rates to prop up sputtering economy",
     """Thailand's central bank has lowered borrowing costs for the second time this year, as weak exports, a stuttering tourism recovery and high household debt weigh on south-east Asia's second-largest economy.

The Bank of Thailand reduced its policy rate by a quarter of a percentage point to 1.5 per cent in a split decision.

Governor Somchai Rattanakorn said the cut would ease debt-servicing burdens for households and small businesses but warned that monetary policy "cannot fix structural problems". The government has for months urged the bank to loosen policy more aggressively.

The baht weakened 0.3 per cent against the dollar after the decision."""),

    # 31 -- M&A
    ("Delvin snaps up Quietgate in $1.15B bet on identity security",
     """Delvin Software is buying Quietgate, the identity-security startup that helps companies spot hijacked employee logins, for $1.15 billion in cash and stock, the companies announced Monday.

Founded in 2019 by former government security researchers Maya Lindholm and Arjun Pillai, Quietgate had raised about $210 million from venture investors. It has around 400 customers and annual recurring revenue north of $90 million, according to a person familiar with the business.

For Delvin, which sells IT management software to mid-size companies, it's the largest acquisition in its history. "Identity is the new perimeter," Delvin CEO Frank Osterberg wrote in a blog post announcing the deal. Quietgate's team will stay in Boston and keep its brand for now.""",
     "Delvin Software to buy cybersecurity firm Quietgate for about $1.2 billion",
     """(Reuters) - Delvin Software Inc said on Monday it had agreed to acquire privately held cybersecurity company Quietgate for about $1.2 billion, as it seeks to add security tools to its IT management products.

The deal, to be paid in a mix of cash and Delvin stock, is expected to close in the first quarter and to add to revenue growth next year, Delvin said. It will be funded partly with $600 million of new debt.

Delvin shares fell 2% in early trading."""),
]

EN_FLASH7 = [
    # 0 -- flash: M&A (EN_SAME7[1])
    ("OVINGTON CHEMICALS TO ACQUIRE SELBROOK COATINGS FOR $68.50 PER SHARE IN CASH",
     "Ovington Chemicals said on Monday it agreed to buy Selbrook Coatings in a deal valuing the paint maker's equity at about $6.8 billion.",
     1),
    # 1 -- flash: IPO (EN_SAME7[2])
    ("FERNCLIFF ROBOTICS OPENS AT $30.50 IN NASDAQ DEBUT VS IPO PRICE OF $24",
     "Ferncliff Robotics shares opened at $30.50 on the Nasdaq on Thursday, against an offer price of $24 a share.",
     2),
    # 2 -- flash: layoffs (EN_SAME7[3])
    ("QUENBY SOFTWARE SAYS TO CUT ABOUT 1,400 JOBS, OR 9% OF WORKFORCE - FILING",
     "Quenby Software will lay off about 1,400 employees and take charges of up to $95 million, it said in a filing on Tuesday.",
     3),
    # 3 -- flash: regulator fine (EN_SAME7[5])
    ("OFGEM FINES THISTLEDOWN ENERGY 14.5 MLN STG OVER PREPAYMENT METER INSTALLATIONS",
     "Britain's energy regulator said on Wednesday it had fined Thistledown Energy for forcing vulnerable customers on to prepayment meters.",
     5),
    # 4 -- flash: verdict (EN_SAME7[7])
    ("CALIFORNIA JURY ORDERS PELHAM MACHINERY TO PAY $41.2 MLN IN FORKLIFT DEATH CASE",
     "A Fresno County jury on Tuesday found Pelham Machinery liable for the death of a warehouse worker and awarded his family $41.2 million, including punitive damages.",
     7),
    # 5 -- flash: central bank (EN_SAME7[8])
    ("FLASH: Iceland's central bank lowers rates by half a point to 7.25%",
     "The Central Bank of Iceland cut its seven-day term deposit rate to 7.25% from 7.75% on Wednesday.",
     8),
    # 6 -- flash: sports result (EN_SAME7[12])
    ("FULL TIME: Ajax 3 PSV 1 - Bakker double sends Amsterdam side top",
     "Daan Bakker scored twice after halftime as Ajax came from behind to beat PSV Eindhoven in Amsterdam on Sunday.",
     12),
    # 7 -- flash: earthquake (EN_SAME7[16])
    ("QUAKE - MAGNITUDE 6.3 EARTHQUAKE HITS OFF DAVAO ORIENTAL, PHILIPPINES - PHIVOLCS",
     "A magnitude 6.3 earthquake struck off Mindanao at a depth of 23 km on Wednesday, the Philippine seismology agency said, with no tsunami warning issued.",
     16),
    # 8 -- flash: economic data (EN_SAME7[22])
    ("US housing starts jump to 1.41 mln annual rate in October",
     "Groundbreaking on new U.S. homes rose 7.4% in October, well above economists' forecasts, Commerce Department data showed on Tuesday.",
     22),
    # 9 -- flash: election (EN_SAME7[26])
    ("KOWALCZYK WINS KRAKOW MAYORAL RUNOFF WITH 54.6% - CITY ELECTORAL OFFICE",
     "Independent Ewa Kowalczyk beat coalition-backed Tomasz Zielinski in Sunday's runoff for mayor of Krakow, near-final results showed.",
     26),
]

EN_TOPIC7 = [
    # 0 -- same company: quarterly earnings vs plant closure and job cuts
    ("Ovington Chemicals profit falls 18% on weak European demand",
     """HOUSTON (Reuters) - Ovington Chemicals Corp reported an 18% drop in third-quarter profit on Thursday as weak industrial demand in Europe and lower selling prices for basic chemicals hurt results.

Net income fell to $291 million, or $1.12 per share, from $355 million a year earlier. Sales slipped 6% to $4.4 billion, slightly below analysts' estimates.

Chief Executive Ruth Abernathy said the company did not expect a recovery in European volumes before the second half of next year.""",
     "Ovington to shut Rhineland plant, cutting 650 jobs",
     """Ovington Chemicals is to close its polyols plant near Cologne with the loss of about 650 jobs, the latest blow to Germany's struggling chemicals industry.

The US group said on Friday that high energy costs and competition from Chinese producers had made the site uneconomic. Production will wind down over the next 18 months, with some output shifted to its plant in Louisiana.

The IG BCE union said it would fight the closure and called on the company to consider a sale of the site instead.""",
     24),

    # 1 -- two central banks on the same day
    ("Bank Indonesia holds rate at 5.75%, pledges to defend rupiah",
     """JAKARTA (Reuters) - Bank Indonesia kept its benchmark rate unchanged at 5.75% on Wednesday, as expected, saying it would focus on stabilising the rupiah after the currency fell to a seven-month low against the dollar.

Governor Hendra Wibisono said the central bank would step up intervention in spot and forward markets and saw room for cuts next year once global volatility eased.""",
     "Bank of Korea cuts base rate to 2.75% as exports slow",
     """SEOUL (Reuters) - The Bank of Korea cut its base rate by 25 basis points to 2.75% on Wednesday, its first move in five months, as slowing exports and weak construction activity clouded the growth outlook.

Six of the seven board members backed the cut. The central bank trimmed its 2027 growth forecast to 1.6% from 1.8%, and the won weakened slightly after the decision.""",
     0),

    # 2 -- two earthquakes in the eastern Mediterranean
    ("Magnitude 5.6 quake shakes Greece's Peloponnese, no injuries",
     """ATHENS (Reuters) - A magnitude 5.6 earthquake struck the southern Peloponnese region of Greece on Tuesday morning, shaking buildings in Kalamata and Sparta but causing no injuries, authorities said.

The quake was centred about 20 km (12 miles) southwest of Kalamata at a depth of 10 km, according to the Athens Geodynamic Institute. Some old stone houses were cracked and rockfalls blocked a mountain road.""",
     "Magnitude 5.4 earthquake rattles Turkey's Izmir, several buildings damaged",
     """ISTANBUL (Reuters) - A magnitude 5.4 earthquake struck Turkey's western province of Izmir on Tuesday afternoon, damaging several buildings and sending residents into the streets, the disaster management authority AFAD said.

The quake was centred in the Seferihisar district at a depth of 7 km. Twelve people were treated for minor injuries, mostly sustained while fleeing buildings in panic. Schools in the district were closed for the rest of the week for inspections.""",
     7),

    # 3 -- two Eredivisie clubs' matches on the same day
    ("Feyenoord beat Utrecht 2-1 with stoppage-time winner",
     """ROTTERDAM (Reuters) - Substitute Milan de Graaf scored in stoppage time as Feyenoord beat FC Utrecht 2-1 at De Kuip on Saturday to stay in touch with the Eredivisie leaders.

Utrecht had equalised through Thijs Kramer's penalty after Feyenoord's early opener, but De Graaf turned in a low cross in the 93rd minute.""",
     "PSV held 1-1 at AZ Alkmaar, miss chance to go clear",
     """ALKMAAR (Reuters) - PSV Eindhoven dropped points for the second straight game when they were held to a 1-1 draw by AZ Alkmaar on Saturday evening.

Luca Verhoef gave PSV the lead just before halftime, but AZ levelled through Sem Dijkman's header after 70 minutes. PSV coach Ruud van Lier said his side had been "too passive" after the break.""",
     3),

    # 4 -- two recalls by different carmakers
    ("Drummond Motors recalls 88,000 pickups over tailgate latch defect",
     """(Reuters) - Drummond Motors is recalling about 88,000 pickup trucks in the United States because the tailgate latch can fail and allow the tailgate to open while driving, the National Highway Traffic Safety Administration said on Monday.

The recall covers certain 2024-2026 Drummond Ranger Pro trucks. Dealers will replace the latch assembly free of charge. Drummond said it was aware of three minor injuries linked to the issue.""",
     "Keiyo Motors recalls 140,000 hatchbacks over fuel leak risk",
     """(Reuters) - Japanese automaker Keiyo Motors is recalling about 140,000 hatchbacks in the United States because a fuel line connector can crack and leak, increasing the risk of fire, according to a filing with the NHTSA published on Tuesday.

The recall affects some 2023-2025 Keiyo Sora models. Keiyo said it had received no reports of fires or injuries. Owners will be notified by letter in January.""",
     26),

    # 5 -- two FDA approvals of different drugs
    ("FDA approves Lanmore Pharma's monthly schizophrenia injection",
     """(Reuters) - The U.S. Food and Drug Administration approved Lanmore Pharma's once-monthly injectable treatment for schizophrenia on Thursday, the company said.

The drug, to be sold as Ravessa, reduced the risk of relapse by 62% compared with placebo in a late-stage study. Lanmore said it expected to launch the injection in the first quarter. Its shares rose 8% after the bell.""",
     "FDA approves Tolland Genomics' gene therapy for Duchenne muscular dystrophy",
     """(Reuters) - The U.S. FDA on Friday granted accelerated approval to Tolland Genomics' one-time gene therapy for boys aged 4 to 7 with Duchenne muscular dystrophy, a rare muscle-wasting disease.

The therapy, Myovanta, will carry a list price of $3.1 million, the company said, making it one of the most expensive treatments in the world. Continued approval may depend on results from a confirmatory trial.""",
     30),

    # 6 -- the same index on two days
    ("Nikkei jumps 1.8% as weaker yen lifts exporters",
     """TOKYO (Reuters) - Japan's Nikkei share average rose 1.8% on Monday, led by automakers and machinery makers, as a weaker yen brightened the earnings outlook for exporters.

The Nikkei closed at 41,286.40, while the broader Topix gained 1.4%. Shipping and trading house shares also rallied.""",
     "Nikkei slides 2.1% as chip stocks tumble",
     """TOKYO (Reuters) - Japan's Nikkei share average fell 2.1% on Tuesday, dragged down by semiconductor-related stocks after a sell-off in U.S. technology shares overnight.

The index ended at 40,419.05. Chip-testing equipment makers were the biggest decliners, while defensive sectors such as utilities and food edged higher.""",
     24),

    # 7 -- two strikes in one country
    ("Spanish rail strike cancels hundreds of Renfe trains",
     """MADRID (Reuters) - A 24-hour strike by Spanish train drivers led state operator Renfe to cancel hundreds of commuter and long-distance services on Monday, the company said.

The SEMAF union called the strike over plans to transfer regional rail services in Catalonia to a new company. Minimum service requirements set by the government meant about 70% of high-speed trains still ran.""",
     "Madrid doctors begin strike over workloads in health centres",
     """Family doctors and paediatricians in the Madrid region walked out on Wednesday in an open-ended strike over what they say are unmanageable patient lists in the region's public health centres.

The AMYTS union said doctors were regularly seeing more than 50 patients a day. The regional health department said it had offered to hire more staff and accused the union of putting patients at risk.""",
     48),

    # 8 -- a country's inflation release and its central bank decision
    ("Chile's inflation slows to 3.9% in November",
     """SANTIAGO (Reuters) - Chile's annual inflation rate slowed to 3.9% in November from 4.3% in October, the national statistics institute INE said on Monday, below the 4.0% forecast in a Reuters poll.

Consumer prices fell 0.1% month-on-month, helped by lower fuel and electricity costs.""",
     "Chile's central bank holds key rate at 5.00%, signals cuts ahead",
     """SANTIAGO (Reuters) - Chile's central bank kept its benchmark interest rate at 5.00% on Wednesday in a unanimous decision, in line with market expectations.

The bank said in its statement that inflation was converging towards its 3% target and that the policy rate would likely be lowered "in the coming quarters", though risks from the peso and global trade tensions remained.""",
     60),

    # 9 -- same company: product launch vs data breach
    ("Quenby launches AI bookkeeping assistant for small businesses",
     """Quenby Software on Monday rolled out an AI assistant that can categorise transactions, chase unpaid invoices and draft tax-ready reports for small business customers.

The feature, called Ledger Copilot, will be included in Quenby's premium plans in the US and UK and available as a $15-a-month add-on elsewhere. The company said early testers cut time spent on monthly bookkeeping by more than half.""",
     "Quenby discloses data breach affecting small-business clients",
     """(Reuters) - Quenby Software said on Wednesday that hackers had gained access to a customer support database containing names, email addresses and partial bank details of some of its small-business clients.

The company said it detected the intrusion last week, had notified law enforcement and was contacting affected customers. It did not say how many accounts were involved. Quenby shares fell 4%.""",
     36),

    # 10 -- two IPOs on the same day
    ("Marigold Health raises $520 million in upsized IPO",
     """(Reuters) - Marigold Health, which runs a network of primary care clinics for older adults, raised $520 million in its U.S. initial public offering after pricing shares at $22, above its marketed range of $19 to $21.

The Nashville-based company sold 23.6 million shares after increasing the size of the offering. It will begin trading on the New York Stock Exchange on Friday under the symbol MRGD.""",
     "Cartwright Energy prices IPO below range as investors balk at oilfield services",
     """(Reuters) - Oilfield services provider Cartwright Energy priced its initial public offering at $14 per share, below its indicated range of $16 to $18, raising $280 million, the company said late on Thursday.

The weak pricing reflects investor caution toward energy stocks as crude prices have slipped. Cartwright's shares are due to start trading on the Nasdaq on Friday.""",
     0),

    # 11 -- two weather events in Britain
    ("Storm Wynn floods Cumbrian towns as rivers burst banks",
     """Homes and businesses in Cockermouth, Keswick and Appleby were flooded overnight as Storm Wynn brought more than 150mm of rain to parts of Cumbria, the Environment Agency said.

Two severe flood warnings - meaning danger to life - were issued for the River Derwent. Mountain rescue teams helped to evacuate around 80 people, and the A66 was closed in several places.""",
     "Heavy snow closes roads across Scottish Highlands",
     """Heavy snow has closed several major roads in the Scottish Highlands, with the A9 blocked north of Dalwhinnie and drivers stranded overnight on the A835 near Ullapool.

The Met Office issued an amber warning for snow covering the Highlands and Grampian, with up to 30cm expected on higher ground. Dozens of schools in Aberdeenshire and Moray were closed.""",
     12),

    # 12 -- two Polish mayoral races on the same night
    ("Gdansk mayor re-elected outright in first round",
     """WARSAW (Reuters) - Gdansk's incumbent mayor Marta Lewandowska won re-election outright on Sunday with 61.3% of the vote, avoiding a runoff, preliminary results showed.

Lewandowska, who is backed by the ruling coalition, has run the Baltic port city since 2019. Turnout was 52%.""",
     "Wroclaw heads to runoff as incumbent mayor falls short",
     """<p>Wroc&#322;aw&#8217;s mayor Piotr Sadowski will face a second round against conservative challenger Katarzyna Mazur after failing to clear the 50 per cent threshold in Sunday&#8217;s local elections.</p>
<p>Sadowski took 44 per cent and Mazur 31 per cent, according to the city electoral commission. The runoff will be held in two weeks&#8217; time.</p>""",
     0),

    # 13 -- two US Supreme Court rulings on the same day
    ("Supreme Court lets Montana enforce limits on river water withdrawals",
     """WASHINGTON (Reuters) - The U.S. Supreme Court on Monday ruled 6-3 that Montana may enforce limits on irrigation withdrawals from the Clark Fork River, rejecting a challenge by a group of ranchers who argued the state rules violated their property rights.

Writing for the majority, Justice Claire Denholm said the state had acted within its authority to protect downstream water users.""",
     "Supreme Court sides with trucking company in driver arbitration fight",
     """WASHINGTON (Reuters) - The U.S. Supreme Court on Monday sided with trucking company Ridgeline Freight, ruling that drivers classified as independent contractors must take their wage claims to individual arbitration rather than court.

The 5-4 decision overturned a ruling by the 9th U.S. Circuit Court of Appeals. Labor groups said it would make it harder for drivers to pursue collective claims.""",
     0),

    # 14 -- same regulator fines two different firms
    ("FCA fines Corbridge Wealth £6.2mn over pension transfer advice",
     """The Financial Conduct Authority has fined Corbridge Wealth £6.2mn for giving unsuitable advice to steelworkers who transferred out of their defined-benefit pension schemes.

The regulator said Corbridge had failed to assess clients' attitude to risk properly. The firm has also agreed to pay £11mn in redress to about 400 former clients.""",
     "FCA fines broker Kennet Markets £3.1mn for transaction reporting failures",
     """LONDON (Reuters) - Britain's Financial Conduct Authority fined brokerage Kennet Markets 3.1 million pounds on Wednesday for failing to report accurate details of millions of trades over a five-year period.

The FCA said the errors hampered its ability to detect market abuse. Kennet agreed to settle and qualified for a 30% discount on the penalty.""",
     48),

    # 15 -- two aviation incidents on the same day
    ("Transatlantic flight diverts to Shannon after disruptive passenger",
     """A flight from New York to Rome diverted to Shannon Airport on Sunday morning after a passenger became disruptive and assaulted a member of the cabin crew, gardaí said.

The man, in his 30s, was arrested when the aircraft landed and is due to appear before a court in Ennis. The flight continued to Rome after a delay of about two hours.""",
     "Plane returns to Manchester after bird strike on take-off",
     """A holiday jet bound for Tenerife returned to Manchester Airport shortly after departure on Sunday after hitting a flock of birds during take-off.

The aircraft, carrying 186 passengers, landed safely and was inspected by engineers. Passengers were transferred to a replacement plane, and the airport said the runway was briefly closed for checks.""",
     5),

    # 16 -- two wildfires in the western US
    ("Wildfire in Oregon's Klamath County forces evacuations",
     """(Reuters) - A fast-moving wildfire in southern Oregon's Klamath County has burned more than 9,000 acres and forced the evacuation of about 600 homes, fire officials said on Thursday.

The Ridge Creek Fire, driven by gusty winds and low humidity, was 5% contained. No injuries have been reported. Its cause is under investigation.""",
     "Brush fire near Reno threatens homes, shuts highway",
     """A brush fire north of Reno, Nevada, forced residents of several neighborhoods to evacuate on Friday and closed a stretch of U.S. 395, authorities said.

The fire burned about 1,200 acres in dry grass and sagebrush before crews slowed its advance. Two outbuildings were destroyed. Fire officials said the blaze appeared to have been sparked by a vehicle dragging a chain.""",
     20),

    # 17 -- same company: acquisition vs quarterly results
    ("Delvin Software to buy German analytics firm Rechenwerk for 300 million euros",
     """(Reuters) - Delvin Software Inc said on Tuesday it would buy Munich-based data analytics company Rechenwerk for 300 million euros ($318 million) in cash to expand its business in Europe.

Rechenwerk, which sells reporting tools to manufacturers, has about 350 employees. The deal is expected to close in the first half of next year.""",
     "Delvin Software quarterly revenue beats estimates on subscription growth",
     """(Reuters) - Delvin Software Inc reported third-quarter revenue above Wall Street estimates on Wednesday, helped by demand for its subscription IT management tools from mid-size companies.

Revenue rose 14% to $612 million, compared with analysts' average estimate of $598 million. Delvin forecast fourth-quarter revenue of $630 million to $640 million. Shares rose 5% after the bell.""",
     18),

    # 18 -- two video game studios cut jobs on the same day
    ("Lumenfield Games cuts 300 jobs after cancelling shooter project",
     """Lumenfield Games is laying off about 300 employees, roughly 15% of its workforce, after cancelling an unannounced multiplayer shooter that had been in development for four years.

The Seattle-based publisher said the cuts would mostly affect its studio in Vancouver. "This was not a decision we made lightly," chief executive Owen Prescott said in a message to staff.""",
     "Otterbay Studios to close Austin studio as console sales slow",
     """Otterbay Studios said on Thursday it would close its Austin, Texas, studio, affecting about 120 developers, as it refocuses on its established franchises amid slowing console game sales.

Staff at the Austin office had been working on a new fantasy role-playing game, which will now be shelved. Otterbay said affected employees would receive severance and job placement support.""",
     2),

    # 19 -- a country's GDP release vs its jobless rate
    ("Irish GDP shrinks 1.1% in third quarter as multinational output falls",
     """DUBLIN (Reuters) - Ireland's gross domestic product contracted 1.1% in the third quarter from the previous three months, the Central Statistics Office said on Thursday, as output from foreign-owned multinationals fell.

Modified domestic demand, a measure that strips out much of the multinational activity, rose 0.7%. Irish GDP figures are notoriously volatile because of the activities of large pharmaceutical and technology companies.""",
     "Irish unemployment rate steady at 4.3% in November",
     """DUBLIN (Reuters) - Ireland's seasonally adjusted unemployment rate was unchanged at 4.3% in November, the Central Statistics Office said on Wednesday.

The youth unemployment rate edged up to 10.8% from 10.5%. The number of people out of work was 121,400, little changed from the previous month.""",
     28),

    # 20 -- the same team's two different games
    ("Maple Leafs beaten 3-2 in overtime by Bruins",
     """BOSTON (AP) — David Sorensen scored 2:14 into overtime and the Boston Bruins rallied to beat the Toronto Maple Leafs 3-2 on Thursday night.

Erik Lindqvist and Mitch Dorval scored for Toronto, which led 2-0 after two periods. Boston's goaltender made 34 saves.""",
     "Maple Leafs rout Senators 5-1 as Novak stays hot",
     """OTTAWA (AP) — Connor Walsh had a goal and two assists, Petr Novak made 28 saves and the Toronto Maple Leafs beat the Ottawa Senators 5-1 on Saturday night.

Toronto scored three times in the second period to pull away. Ottawa has lost five of its last six games.""",
     48),

    # 21 -- two phone launches by different companies on the same day
    ("Pellow Mobile unveils $399 phone with three-day battery",
     """Pellow Mobile on Tuesday unveiled the Pellow 8, a $399 Android phone that the company says can last three days on a single charge thanks to a 6,000mAh silicon-carbon battery.

The phone has a 6.7-inch OLED display and a 50-megapixel main camera, and goes on sale in the US and Europe next week.""",
     "Sorvana launches its first foldable flagship",
     """Sorvana has launched the Fold X, a book-style foldable phone priced at $1,799 that the company says has the thinnest hinge on the market.

Sorvana, better known for mid-range handsets in Asia, said the device would go on sale in Singapore, India and the UK later this month, with a US launch to follow next year.""",
     4),

    # 22 -- two outages at different companies
    ("Telvane mobile network outage hits customers across the Netherlands",
     """AMSTERDAM (Reuters) - Dutch mobile operator Telvane suffered a nationwide network outage on Monday that left customers unable to make calls or use mobile data for several hours, the company said.

Telvane said a faulty software update at a core switching centre was to blame. Service was restored by early afternoon.""",
     "Shannonside Bank customers unable to make payments after IT failure",
     """Customers of Shannonside Bank were unable to make card payments or log in to the bank's mobile app for much of Tuesday after an IT failure that the lender said was not the result of a cyberattack.

The bank apologised and said it would reimburse any costs customers incurred as a result. Services were restored on Tuesday evening.""",
     30),

    # 23 -- two bus crashes in the Andes
    ("Bus crash in Bolivia's Potosi kills 12",
     """LA PAZ (Reuters) - Twelve people were killed and 18 injured when a bus collided with a truck on a highway in Bolivia's Potosi department late on Sunday, police said.

The bus was travelling from Potosi to Oruro when the crash happened in heavy rain. Authorities said the truck driver had fled the scene.""",
     "Bus overturns in Peru's Arequipa, injuring 23",
     """LIMA (Reuters) - A passenger bus overturned on the Panamericana Sur highway in Peru's Arequipa region on Tuesday, injuring 23 people, four of them seriously, police said.

The bus, carrying mining workers, lost control on a bend near Camaná. No deaths were reported.""",
     40),

    # 24 -- two avalanches in the Alps
    ("Avalanche kills two ski tourers in Austria's Tyrol",
     """VIENNA (Reuters) - Two ski tourers were killed in an avalanche in the Ötztal Alps in Austria's Tyrol province on Sunday, police said.

The two men, both Austrian and in their 50s, were climbing towards a summit near Sölden when the slope gave way. A third member of their group dug himself out and called for help.""",
     "Avalanche blocks road to Italian ski resort, no injuries",
     """An avalanche swept across the only road leading to the ski resort of Cervinia in Italy's Aosta Valley on Monday, cutting off the village for several hours, local authorities said.

No one was hurt. Snowploughs cleared the road by the evening, and regional officials raised the avalanche danger level after more heavy snowfall.""",
     20),

    # 25 -- two CEO changes at different banks on the same day
    ("Larchmont Bank names Sofia Reyes as chief executive",
     """(Reuters) - U.S. regional lender Larchmont Bank said on Monday it had named Sofia Reyes, its president and head of commercial banking, as its next chief executive, effective January 1.

Reyes succeeds Walter Gibbs, who is retiring after nine years as CEO but will remain on the board as executive chairman.""",
     "Brackley Group chief executive to retire next year",
     """(Reuters) - Brackley Group, the Midwestern bank holding company, said on Monday its Chief Executive Alan Pryce would retire at the end of next year, and that the board had begun a search for his successor.

Pryce, 66, has led the company for 14 years. Brackley shares were little changed.""",
     0),

    # 26 -- two drinks-industry deals on the same day
    ("Brinklow Brewing buys cider maker Orchard Lane for £95mn",
     """Brinklow Brewing has agreed to buy Herefordshire cider maker Orchard Lane for £95mn, as the regional brewer seeks to tap growing demand for premium cider.

Orchard Lane, founded by two farming brothers in 2008, sells its ciders in about 6,000 pubs and supermarkets. Its founders will stay on to run the business.""",
     "Calvert Drinks sells rum brands to private equity for $410mn",
     """(Reuters) - Spirits maker Calvert Drinks said on Monday it had agreed to sell its portfolio of Caribbean rum brands to private equity firm Harbourline Partners for $410 million, as it focuses on whisky and tequila.

The sale is expected to close in the first quarter. Calvert said it would use the proceeds to reduce debt.""",
     1),

    # 27 -- US inflation release vs Fed decision
    ("US consumer prices rise 0.2% in October; annual inflation at 2.7%",
     """WASHINGTON (Reuters) - U.S. consumer prices rose 0.2% in October, the Labor Department said on Tuesday, in line with economists' forecasts, as a drop in gasoline prices offset higher costs for shelter and car insurance.

In the 12 months through October, the CPI increased 2.7% after rising 2.9% in September. Core CPI rose 0.3%.""",
     "Fed cuts rates by a quarter point, signals slower pace of easing",
     """WASHINGTON (Reuters) - The Federal Reserve lowered its benchmark interest rate by 25 basis points to a range of 3.75%-4.00% on Wednesday and signaled it may slow the pace of further cuts.

Two policymakers dissented, preferring to hold rates steady. At a press conference, the Fed chair said policy was "not on a preset course" and that officials would watch the labor market closely.""",
     22),

    # 28 -- two cricket internationals on the same day
    ("India beat Australia by four wickets in Perth thriller",
     """PERTH (Reuters) - India beat Australia by four wickets with two balls to spare in the first one-day international in Perth on Sunday.

Chasing 271, India were reduced to 188 for six before Ravi Malhotra struck an unbeaten 64 to see them home.""",
     "England beat West Indies by 58 runs in Barbados",
     """BRIDGETOWN (Reuters) - England beat West Indies by 58 runs in the second one-day international at Kensington Oval on Sunday to take a 2-0 lead in the three-match series.

England made 312 for seven, with Tom Ashby scoring 103, before West Indies were bowled out for 254.""",
     6),

    # 29 -- two floods in East Africa
    ("Floods in Kenya's Tana River county displace 20,000",
     """NAIROBI (Reuters) - Floods caused by heavy rains have displaced about 20,000 people in Kenya's Tana River county after the river burst its banks, the Kenya Red Cross said on Thursday.

Two people drowned and several roads were cut off. The meteorological department forecast more rain over the coming week.""",
     "Somali town of Beledweyne submerged as Shabelle river overflows",
     """MOGADISHU (Reuters) - Large parts of the central Somali town of Beledweyne were under water on Thursday after the Shabelle river overflowed, forcing tens of thousands of residents to flee to higher ground, local officials said.

Aid agencies said they were delivering food and clean water to displacement camps outside the town.""",
     12),

    # 30 -- same company: recall vs quarterly results
    ("Pelham Machinery recalls 9,000 forklifts over parking brake defect",
     """(Reuters) - Pelham Machinery is recalling about 9,000 electric forklifts in the United States and Canada because the parking brake may not hold on a slope, the U.S. Consumer Product Safety Commission said on Thursday.

The recall covers certain ProLift 300 models made between 2021 and 2023. Pelham said it had received 11 reports of forklifts rolling unexpectedly, with no injuries.""",
     "Pelham Machinery quarterly profit falls 12% as orders slow",
     """(Reuters) - Pelham Machinery Inc reported a 12% fall in third-quarter profit on Tuesday as warehouse operators held back on new equipment orders amid high interest rates.

Net income fell to $88 million, or $1.41 per share, from $100 million a year earlier. Revenue fell 5% to $1.02 billion. The company cut its full-year sales forecast.""",
     50),

    # 31 -- a country's inflation release and its central bank decision
    ("Turkish inflation eases to 31.2% in November",
     """ISTANBUL (Reuters) - Turkey's annual consumer price inflation eased to 31.2% in November from 32.9% in October, the Turkish Statistical Institute said on Wednesday, slightly below the 31.6% forecast in a Reuters poll.

Monthly inflation was 1.9%, driven by food and housing costs.""",
     "Turkey's central bank cuts rates by 150 bps to 39.5%",
     """ANKARA (Reuters) - Turkey's central bank cut its one-week repo rate by 150 basis points to 39.5% on Thursday, slightly more than expected, citing an improving inflation outlook.

The bank said it would keep a tight stance until price stability was achieved and that the size of future steps would be decided meeting by meeting.""",
     72),

    # 32 -- two unemployment releases on the same morning
    ("German unemployment rises more than expected in November",
     """BERLIN (Reuters) - The number of people out of work in Germany rose by 18,000 in November to 2.99 million in seasonally adjusted terms, the Federal Labour Office said on Friday, more than the 10,000 increase forecast by analysts.

The unemployment rate held at 6.4%.""",
     "Euro zone unemployment ticks up to 6.4% in October",
     """(Reuters) - Unemployment in the euro zone rose to 6.4% in October from 6.3% in September, the European Union's statistics office Eurostat said on Friday.

Youth unemployment climbed to 14.8%. The highest jobless rates were recorded in Spain and Greece, the lowest in Malta and the Czech Republic, which is outside the euro area.""",
     3),

    # 33 -- the same index on two days
    ("Sensex, Nifty hit record highs on foreign inflows",
     """MUMBAI (Reuters) - India's Sensex and Nifty 50 indexes closed at record highs on Monday, as foreign investors bought banking and energy stocks on hopes of a rate cut by the Reserve Bank of India.

The Sensex rose 0.9% to 86,412.33, and the Nifty gained 0.8% to 26,391.15.""",
     "Sensex falls 1% as IT stocks drag",
     """MUMBAI (Reuters) - Indian shares fell on Tuesday, retreating from record highs as information technology stocks slid after a U.S. client of a major outsourcer cut its spending forecast.

The Sensex ended 1% lower at 85,548.20. The IT index dropped 2.6%, its biggest one-day fall in three months.""",
     24),

    # 34 -- two transport disputes in Dublin
    ("Luas tram drivers to strike next week over pay",
     """Luas tram drivers will stage a 24-hour strike next Thursday in a dispute over pay, the Siptu trade union has said.

The union said talks with operator Transdev had failed to resolve a claim for a pay increase linked to productivity changes. Transdev said it was disappointed and urged the union to use the State's industrial relations machinery.""",
     "Irish Rail staff back industrial action in ballot over staffing",
     """Irish Rail workers have voted in favour of industrial action short of a strike in a dispute over staffing levels at stations and on trains, the National Bus and Rail Union said.

The union said 87 per cent of members who voted backed the action, which could include a ban on overtime. Irish Rail said it was committed to talks.""",
     20),

    # 35 -- two small-rocket launches
    ("Talus Launch puts radar satellite into orbit from New Zealand",
     """Talus Launch successfully placed a commercial radar imaging satellite into orbit on Tuesday from its launch site on New Zealand's Mahia Peninsula, the company said.

It was the third successful flight of Talus's Kea rocket this year. The satellite, built for Finnish operator Nordsight, will monitor sea ice and shipping in the Arctic.""",
     "Westerly Rocket scrubs maiden launch from Scotland",
     """Westerly Rocket called off the first launch attempt of its Gannet rocket from the Sutherland spaceport in northern Scotland on Tuesday after a sensor fault was detected minutes before lift-off.

The company said the rocket and its payload of two small satellites were safe and that it would announce a new launch window once the problem was fixed.""",
     10),

    # 36 -- same airline: aircraft order vs crew strike vote
    ("Aerlume orders 25 Airbus A320neo jets",
     """DUBLIN (Reuters) - Irish low-cost airline Aerlume said on Tuesday it had ordered 25 Airbus A320neo jets worth about $3 billion at list prices, to be delivered between 2028 and 2030.

The aircraft will replace older jets and support growth at new bases in eastern Europe. Airlines typically receive steep discounts to list prices.""",
     "Aerlume cabin crew vote for strike over rosters",
     """Cabin crew at Aerlume have voted to strike in a dispute over rosters and rest periods, putting flights over the Christmas period at risk.

The Fórsa union said members based in Dublin and Cork had backed action by a large majority. Aerlume said it would seek talks at the Workplace Relations Commission and that it had contingency plans.""",
     30),

    # 37 -- two obesity drug trial results
    ("Harlow Bio's weekly obesity shot leads to 18% weight loss in trial",
     """(Reuters) - Harlow Bio said on Monday its experimental weekly obesity injection helped patients lose an average of 18% of their body weight after 68 weeks in a late-stage trial, sending its shares up 22%.

The most common side effects were nausea and vomiting, mostly mild to moderate. Harlow plans to seek U.S. approval next year.""",
     "Wendover Pharma's obesity pill misses main goal in mid-stage study",
     """(Reuters) - Wendover Pharma said on Monday its experimental oral weight-loss drug failed to meet the main goal of a mid-stage trial, with patients losing 6.1% of their body weight over 26 weeks, little better than placebo at the highest dose.

Wendover shares fell 38% in premarket trading. The company said it would review the programme.""",
     6),

    # 38 -- two UK by-elections on the same night
    ("Liberal Democrats win Thornleigh by-election from Conservatives",
     """The Liberal Democrats have won the Thornleigh by-election, overturning a Conservative majority of more than 9,000 in a seat the Tories had held since 1997.

Lib Dem candidate Rachel Ames won by 3,412 votes on a turnout of 38 per cent. The contest was triggered by the resignation of the sitting MP after a lobbying scandal.""",
     "Labour clings on in Kelsall Vale as Reform surges",
     """Labour held Kelsall Vale in a by-election on Thursday, but its majority was cut from more than 14,000 to 1,203 as Reform UK surged into second place.

Labour's Daniel Foyle took 36.4 per cent of the vote, with Reform on 33.1 per cent. The Conservatives fell to a distant fourth.""",
     0),

    # 39 -- two tornadoes in the US Plains
    ("Tornado damages homes, school in Oklahoma town",
     """(Reuters) - A tornado tore through the town of Elk Bend, Oklahoma, on Tuesday evening, damaging dozens of homes and the roof of the high school, emergency officials said.

Five people were treated for minor injuries. The National Weather Service rated the tornado a preliminary EF2, with winds of up to 120 mph.""",
     "Tornado touches down near Wichita, injuring three",
     """A tornado touched down in farmland southwest of Wichita, Kansas, on Tuesday night, destroying a barn and overturning two tractor-trailers on Interstate 35, the Sedgwick County sheriff's office said.

Three people were taken to hospital with non-life-threatening injuries. Storm chasers reported a second funnel cloud nearby that did not touch down.""",
     4),
]
