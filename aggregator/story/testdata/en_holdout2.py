# -*- coding: utf-8 -*-
#
# English hold-out test data (set 2) for the news near-duplicate ("same story") detector.
#
# Written on 2026-12-07 by a helper session given only a written brief, without sight
# of the detector, its code, its other test data or its scores. All events below are
# invented (fictional), although some real institutions, places and clubs appear.
#
# EN_SAME4:  list of tuples (title_a, body_a, title_b, body_b)
#            -- one news event told by two independent English outlets.
# EN_FLASH4: list of tuples (flash_title, flash_body, k)
#            -- a one-line wire flash for the event EN_SAME4[k].
# EN_TOPIC4: list of tuples (title_a, body_a, title_b, body_b, hours_apart)
#            -- hard negatives: two DIFFERENT stories sharing a company, person,
#               place, topic or kind of event.

EN_SAME4 = [
    # 0 -- company earnings
    (
        "Brightwater Pharmaceuticals beats forecasts as cancer drug sales jump",
        "NEW YORK (Reuters) - Brightwater Pharmaceuticals Inc reported third-quarter revenue of $4.3 billion on Tuesday, "
        "ahead of analysts' average estimate of $4.1 billion, helped by strong demand for its lung cancer treatment Veloxa. "
        "Sales of Veloxa rose 31 percent to $1.1 billion. The New Jersey-based drugmaker raised its full-year adjusted profit "
        "forecast to $6.40 to $6.55 per share, from $6.10 to $6.30 previously. Shares rose 5 percent in premarket trading.",
        "Brightwater lifts outlook after strong quarter for Veloxa",
        "Brightwater Pharmaceuticals has raised its annual earnings guidance after its blockbuster lung-cancer drug Veloxa "
        "drove quarterly sales past Wall Street expectations. Revenue for the three months to September came in at $4.3bn, "
        "against consensus forecasts of $4.1bn, with Veloxa contributing $1.1bn, up 31%. The company now expects adjusted "
        "earnings of between $6.40 and $6.55 a share for the year. The stock gained about 5% before the opening bell in New York.",
    ),
    # 1 -- acquisition
    (
        "Solano Energy to buy Pinecrest Renewables for $2.7 billion",
        "HOUSTON (AP) — Solano Energy said Monday it has agreed to acquire Pinecrest Renewables in an all-cash deal valued "
        "at $2.7 billion, including debt, expanding its wind and solar portfolio in the U.S. Midwest. Solano will pay $18.50 per "
        "share, a 27% premium to Pinecrest's closing price on Friday. The companies expect the transaction to close in the second "
        "quarter of next year, subject to regulatory approval. Pinecrest operates 41 wind and solar farms across six states.",
        "Solano swoops on Pinecrest in $2.7bn green power push",
        "<p>Texas oil and gas group Solano Energy has struck a $2.7bn (&pound;2.1bn) agreement to take over Pinecrest Renewables, "
        "the owner of 41 wind and solar farms in the American Midwest.</p>"
        "<p>Solano is offering $18.50 a share in cash, 27 per cent above Pinecrest&#8217;s last closing price. The deal, which "
        "includes debt, is expected to complete in the second quarter of next year if regulators sign off.</p>",
    ),
    # 2 -- layoffs
    (
        "Quillon Software to cut 1,200 jobs in restructuring",
        "SAN FRANCISCO (Reuters) - Quillon Software will lay off about 1,200 employees, or roughly 9% of its workforce, as the "
        "business software maker shifts investment toward artificial intelligence products, Chief Executive Dana Whitcombe said "
        "in a memo to staff on Wednesday. The company expects to record restructuring charges of $85 million to $95 million, "
        "mostly in the fourth quarter. Quillon shares rose 2% in extended trading.",
        "Quillon lays off nearly one in 10 staff as it pivots to AI",
        "Quillon Software is eliminating around 1200 positions, about 9 per cent of its global headcount, chief executive "
        "Dana Whitcombe told employees in an internal memo. Whitcombe said the company needed to redirect spending to its AI "
        "tools. Quillon expects charges of between $85m and $95m related to the cuts, most of which will be booked in the final "
        "quarter of the year.",
    ),
    # 3 -- product launch
    (
        "Tavira Motors unveils long-awaited electric pickup",
        "DETROIT — Tavira Motors on Thursday took the wraps off its first all-electric pickup truck, the Tavira Ridgeback, "
        "which the company says can travel 340 miles on a single charge. The truck will start at $48,000 before federal "
        "incentives, undercutting several rivals, and deliveries are scheduled to begin next spring from the company's plant in "
        "Lansing, Michigan. Tavira said it had already received more than 60,000 reservations.",
        "Tavira takes aim at rivals with battery-powered Ridgeback truck",
        "<p>Carmaker Tavira has revealed the Ridgeback, a battery-powered pickup with a claimed range of 340 miles and a "
        "starting price of $48,000.</p>"
        "<p>The vehicle will be built in Lansing, Michigan, with first deliveries due in the spring. Tavira said more than "
        "60,000 customers had placed reservations ahead of the launch.</p>",
    ),
    # 4 -- executive change
    (
        "Mercant Bank chief Helen Drayson to step down",
        "LONDON (Reuters) - Mercant Bank said on Friday Chief Executive Helen Drayson would step down at the end of March after "
        "six years in the role, and that Chief Financial Officer Rajiv Menon would succeed her. Drayson, 58, oversaw a turnaround "
        "at the lender, which returned to profit after a string of annual losses. Mercant shares were down 1.4% in early trading.",
        "Mercant names finance director Menon as next CEO as Drayson exits",
        "Mercant Bank has promoted its finance director Rajiv Menon to the top job, with Helen Drayson standing down as chief "
        "executive at the end of March. Drayson, who took over six years ago, is credited with steering the bank back into the "
        "black. Shares in the lender slipped 1.4 per cent in London.",
    ),
    # 5 -- central bank
    (
        "Sweden's Riksbank cuts key rate to 2.25%",
        "STOCKHOLM (Reuters) - Sweden's central bank cut its policy rate by a quarter percentage point to 2.25% on Wednesday, "
        "as expected, and signaled it could ease further in the first half of next year as inflation stays below its 2% target. "
        "The Riksbank said weak household consumption and a strong crown were weighing on price pressures. Most economists "
        "polled by Reuters had forecast the cut.",
        "Riksbank lowers borrowing costs again, hints at more easing",
        "Sweden's Riksbank reduced its benchmark interest rate by 25 basis points to 2.25 per cent, in line with expectations, "
        "and left the door open to another cut in the first half of next year. Policymakers pointed to sluggish consumer "
        "spending and a firmer krona, which have kept inflation under the bank's 2 per cent goal.",
    ),
    # 6 -- economic data
    (
        "Canada's annual inflation rate quickens to 3.1% in October",
        "OTTAWA (Reuters) - Canada's annual inflation rate accelerated to 3.1% in October from 2.8% in September, driven by "
        "higher gasoline prices and rent, Statistics Canada said on Tuesday. Analysts had expected a rate of 2.9%. Core measures "
        "favored by the Bank of Canada also edged up, complicating the central bank's path ahead of its December decision.",
        "Canadian consumer prices rise faster than expected",
        "Consumer prices in Canada rose 3.1 per cent in the year to October, up from 2.8 per cent a month earlier and above "
        "economists' forecast of 2.9 per cent, according to Statistics Canada. Gasoline and rent were the main drivers. The "
        "Bank of Canada's preferred core measures also ticked higher ahead of its next rate announcement in December.",
    ),
    # 7 -- election
    (
        "Opposition candidate Brenes wins Costa Rica presidential runoff",
        "SAN JOSE, Costa Rica (AP) — Former finance minister Ana Lucía Brenes won Costa Rica's presidential runoff on "
        "Sunday, defeating ruling party candidate Esteban Quirós with about 54% of the vote, according to preliminary results "
        "from the electoral tribunal. Brenes, 51, campaigned on tackling a rise in drug-related violence and will take office in "
        "May. Quirós conceded in a speech to supporters in the capital.",
        "Ex-finance minister elected Costa Rica's president",
        "<p>Ana Luc&iacute;a Brenes has been elected president of Costa Rica after beating the governing party&#8217;s Esteban "
        "Quir&oacute;s in a second-round vote.</p>"
        "<p>With most ballots counted, Brenes had 54 per cent, the Supreme Electoral Tribunal said. Quir&oacute;s accepted defeat "
        "on Sunday night. Brenes, who served as finance minister, promised to confront growing gang violence linked to drug "
        "trafficking. She will be sworn in in May.</p>",
    ),
    # 8 -- politics / resignation
    (
        "UK transport secretary Harcourt resigns over expenses claims",
        "LONDON (Reuters) - British Transport Secretary Daniel Harcourt resigned on Saturday after newspaper reports that he "
        "claimed parliamentary expenses for a London flat owned by a family trust. In a letter to the prime minister, Harcourt "
        "said he had acted within the rules but did not want to become a distraction. Junior minister Priya Lal was appointed "
        "to replace him.",
        "Harcourt quits cabinet amid row over flat",
        "Daniel Harcourt has quit as transport secretary following revelations that he used taxpayer-funded expenses to pay for "
        "a London flat owned by his family's trust. Harcourt insisted he had not broken any rules but said the story had become "
        "a distraction for the government. Priya Lal, previously a junior minister, takes over the brief.",
    ),
    # 9 -- courts / verdict
    (
        "Jury orders Ferrowood to pay $310 million in weedkiller cancer case",
        "ST. LOUIS (Reuters) - A Missouri jury on Thursday ordered agrochemical maker Ferrowood Crop Sciences to pay $310 "
        "million to a retired groundskeeper who said its Clearfield weedkiller caused his non-Hodgkin lymphoma. The award "
        "includes $285 million in punitive damages. Ferrowood said it would appeal, maintaining that decades of studies show the "
        "product is safe.",
        "Ferrowood hit with $310m verdict over Clearfield herbicide",
        "A jury in Missouri has found Ferrowood Crop Sciences liable for a former groundskeeper's blood cancer, awarding him "
        "$310m, of which $285m is punitive damages. The man alleged that years of spraying the company's Clearfield herbicide "
        "led to his non-Hodgkin lymphoma. Ferrowood said it disagreed with the verdict and planned to appeal.",
    ),
    # 10 -- courts / EU
    (
        "EU court annuls Brussels antitrust fine against chipmaker Arvion",
        "LUXEMBOURG (Reuters) - Chipmaker Arvion Semiconductors won its challenge against a 1.1 billion euro ($1.2 billion) "
        "European Union antitrust fine on Wednesday after Europe's second-highest court said regulators had failed to prove the "
        "company's rebates to PC makers harmed competition. The European Commission can appeal the General Court's ruling to the "
        "Court of Justice of the EU on points of law.",
        "Arvion wins appeal against European Commission penalty",
        "<p>The EU&#8217;s General Court has overturned a &euro;1.1bn fine imposed on Arvion Semiconductors, ruling that the "
        "European Commission did not show the chipmaker&#8217;s loyalty rebates to computer manufacturers had shut out "
        "rivals.</p>"
        "<p>The Commission, which can appeal to the Court of Justice on points of law, said it would study the judgment "
        "carefully.</p>",
    ),
    # 11 -- disaster / floods
    (
        "Floods in northern Italy's Piedmont kill six",
        "ROME (Reuters) - Six people were killed and two were missing after torrential rain caused flooding and landslides in "
        "Italy's northwestern Piedmont region, officials said on Monday. More than 1,500 people were evacuated from their homes "
        "near the Tanaro river, and the regional government declared a state of emergency. Some areas received over 400 mm of "
        "rain in 36 hours.",
        "Deadly flooding hits Piedmont as Tanaro bursts banks",
        "At least six people have died and two are unaccounted for after intense downpours triggered floods and mudslides "
        "across Piedmont, in northern Italy. Regional authorities declared a state of emergency and moved more than 1500 "
        "residents out of homes along the Tanaro. Parts of the region saw more than 400 millimetres of rain in a day and a half.",
    ),
    # 12 -- weather / cyclone
    (
        "Cyclone Tamsin crosses Queensland coast, cutting power to thousands",
        "BRISBANE, Nov 23 (Reuters) - Tropical Cyclone Tamsin made landfall near Mackay in Australia's Queensland state early on "
        "Sunday as a category 3 storm, bringing wind gusts of up to 195 km per hour and cutting power to about 60,000 homes. No "
        "deaths were reported. Authorities warned of flash flooding as the system moves inland and weakens.",
        "Tamsin slams into north Queensland with destructive winds",
        "<p>Severe Tropical Cyclone Tamsin has crossed the coast near Mackay, bringing destructive gusts of up to 195km/h and "
        "leaving about 60,000 properties without electricity.</p>"
        "<p>The Bureau of Meteorology said the category three system would weaken as it tracked inland, but warned of heavy "
        "rain and possible flash flooding. There have been no reports of deaths.</p>",
    ),
    # 13 -- disaster / wildfire
    (
        "Wildfire on Greek island of Evia forces evacuation of villages",
        "ATHENS (AP) — A large wildfire fanned by strong winds burned through pine forest on the Greek island of Evia on "
        "Tuesday, forcing authorities to evacuate four villages and a children's summer camp. More than 280 firefighters, "
        "supported by 11 water-dropping aircraft, were battling the blaze, the fire service said. No injuries had been reported.",
        "Hundreds of firefighters battle blaze on Evia as villages emptied",
        "Four villages and a summer camp for children were evacuated on Evia as a wind-driven forest fire spread across the "
        "island, Greece's fire brigade said. Some 280 firefighters and 11 aircraft were deployed to tackle the flames. There were "
        "no reports of injuries.",
    ),
    # 14 -- sport / football
    (
        "Celtic beat Rangers 2-0 to go five points clear",
        "GLASGOW (Reuters) - Celtic beat Rangers 2-0 in the Old Firm derby at Celtic Park on Sunday to open up a five-point lead "
        "at the top of the Scottish Premiership. Callum McKenna headed the opener in the 34th minute and substitute Tomas Rydell "
        "sealed the win in stoppage time. Rangers finished with 10 men after defender Ben Carrick was sent off for a second "
        "yellow card.",
        "Rydell seals Old Firm win for Celtic after McKenna header",
        "Celtic moved five points clear in the Scottish Premiership with a 2-0 victory over ten-man Rangers. Callum McKenna "
        "nodded in from a corner on 34 minutes, and Tomas Rydell added a second deep into added time. Rangers defender Ben "
        "Carrick was dismissed after two bookings.",
    ),
    # 15 -- sport / rugby
    (
        "All Blacks edge Springboks 24-19 in Auckland thriller",
        "AUCKLAND, Aug 16 (Reuters) - New Zealand came from behind to beat world champions South Africa 24-19 at Eden Park on "
        "Saturday, with winger Rico Tane scoring the decisive try five minutes from time. South Africa had led 19-10 early in the "
        "second half. The win lifts New Zealand to the top of the Rugby Championship standings.",
        "Late Tane try rescues New Zealand against South Africa",
        "<p>Rico Tane&#8217;s try in the 75th minute gave the All Blacks a 24-19 victory over the Springboks at Eden Park, "
        "completing a fightback from nine points down.</p>"
        "<p>South Africa, the world champions, had led 19-10 shortly after half-time. The result puts New Zealand top of the "
        "Rugby Championship table.</p>",
    ),
    # 16 -- space
    (
        "Orbitra's first Vireo rocket explodes shortly after launch in Norway",
        "OSLO (Reuters) - The maiden flight of German startup Orbitra's Vireo rocket ended in failure on Friday when the vehicle "
        "exploded about 40 seconds after lifting off from the Andoya spaceport in northern Norway. No one was injured, the "
        "company said. The rocket was carrying no customer payloads. Orbitra, which has raised about 300 million euros, said it "
        "would analyse the data before setting a date for a second attempt.",
        "Debut flight of Orbitra launcher ends in fireball over Andøya",
        "Orbitra's Vireo launcher blew up less than a minute into its first test flight from Norway's Andøya Spaceport, "
        "dealing a setback to Europe's efforts to build a commercial small-rocket industry. The Munich-based company said nobody "
        "was hurt and that the rocket carried only a dummy mass. It has raised roughly €300m from investors and said a "
        "second flight would follow once the cause was understood.",
    ),
    # 17 -- health / science
    (
        "Shingles vaccine linked to 20% lower dementia risk in large study",
        "(Reuters) - Older adults who received a shingles vaccine were about 20% less likely to be diagnosed with dementia over "
        "the following seven years than those who did not, according to a study of more than 280,000 people in Scotland "
        "published in the journal Nature Medicine on Wednesday. Researchers said the findings strengthened evidence that some "
        "viral infections may contribute to dementia but cautioned that a trial was needed to confirm cause and effect.",
        "Scottish data suggest shingles jab may protect against dementia",
        "<p>People who had the shingles vaccine were around a fifth less likely to develop dementia over seven years, according "
        "to research drawing on the health records of more than 280,000 Scots.</p>"
        "<p>The study, published in Nature Medicine, adds to growing evidence linking viruses to dementia. The authors said a "
        "randomised trial was still needed to prove the jab itself was responsible.</p>",
    ),
    # 18 -- technology outage
    (
        "Nimbex cloud outage knocks banking apps, airline sites offline",
        "SEATTLE (Reuters) - A major outage at cloud provider Nimbex disrupted websites and apps for banks, airlines and "
        "retailers for nearly four hours on Monday, before the company said it had restored services. Nimbex blamed a faulty "
        "configuration change in its network routing system in its US-East data center region. Outage tracker Downdetector "
        "showed more than 120,000 user reports at the peak.",
        "Botched update at Nimbex takes down swathes of the internet",
        "Swathes of the web went dark on Monday when Nimbex, one of the largest cloud computing providers, suffered a roughly "
        "four-hour outage that hit banking apps, airline check-in systems and online shops. The company said an erroneous network "
        "configuration change in its US-East region was to blame and that all systems were now operating normally. Downdetector "
        "logged over 120k reports at the height of the disruption.",
    ),
    # 19 -- strike
    (
        "Belgian national strike grounds all departures at Brussels Airport",
        "BRUSSELS (Reuters) - All departing flights from Brussels Airport were cancelled on Tuesday as Belgian unions staged a "
        "nationwide strike against the government's pension reform plans. Rail services were also severely disrupted, with "
        "national operator SNCB running about one in three trains. Unions said they expected some 30,000 people to join a march "
        "in the capital.",
        "Belgium brought to standstill by walkout over pension changes",
        "<p>Belgium&#8217;s unions shut down much of the country on Tuesday in protest at planned pension reforms, with Brussels "
        "Airport scrapping every departure and rail operator SNCB running only a third of its normal service.</p>"
        "<p>Organisers predicted about 30 000 demonstrators would march through Brussels.</p>",
    ),
    # 20 -- crime / heist
    (
        "Thieves steal jewels worth 8 million euros from Paris boutique",
        "PARIS (Reuters) - Armed robbers stole jewellery worth an estimated 8 million euros ($8.6 million) from a boutique on "
        "Place Vendome in central Paris on Thursday morning, police sources said. Three men posing as customers threatened staff "
        "with a handgun before fleeing on motorbikes. No one was hurt. The Paris prosecutor's office has opened an investigation.",
        "Armed gang raids Place Vendôme jeweller in broad daylight",
        "Three armed men disguised as clients held up a jeweller on Paris's Place Vendôme on Thursday and escaped on "
        "motorcycles with gems and watches valued at about €8m, according to sources close to the investigation. Staff were "
        "threatened with a pistol but nobody was injured. Prosecutors have launched an inquiry.",
    ),
    # 21 -- crime / fraud
    (
        "Founder of fintech Ledgerly charged with $140 million investor fraud",
        "NEW YORK (Reuters) - U.S. prosecutors on Tuesday charged Marcus Hale, founder of payments startup Ledgerly, with "
        "defrauding investors of about $140 million by inflating the company's revenue and customer numbers. Hale, 36, was "
        "arrested at his Manhattan home and faces charges of securities fraud and wire fraud. His lawyer said he would plead not "
        "guilty.",
        "Ledgerly's Marcus Hale arrested, accused of faking revenue",
        "Marcus Hale, who founded the payments start-up Ledgerly, has been arrested in Manhattan and charged with misleading "
        "investors out of roughly $140m. Federal prosecutors allege he fabricated revenue figures and customer counts to raise "
        "money. The 36-year-old is charged with securities and wire fraud; his attorney said he intends to plead not guilty.",
    ),
    # 22 -- culture / film
    (
        "Romanian drama 'The Salt Harvest' wins Golden Lion at Venice",
        "VENICE (Reuters) - Romanian director Ioana Mirescu's \"The Salt Harvest\", a drama about a family of seasonal workers "
        "on the Black Sea coast, won the Golden Lion for best film at the Venice Film Festival on Saturday. It is the first "
        "Romanian film to win the festival's top prize. The best actor award went to Britain's Tom Ashby for the thriller "
        "\"Undertow\".",
        "Mirescu takes top prize in Venice with seaside family saga",
        "<p>Ioana Mirescu&#8217;s <em>The Salt Harvest</em> has won the Golden Lion at the Venice film festival, making it the "
        "first Romanian film to claim the award.</p>"
        "<p>The drama follows a family of seasonal labourers on the Black Sea coast. Tom Ashby was named best actor for his role "
        "in <em>Undertow</em>.</p>",
    ),
    # 23 -- entertainment / music
    (
        "The Hollow Pines announce reunion tour after 12-year break",
        "Indie rock band The Hollow Pines will reunite for a 24-date tour of Britain, Europe and North America next year, their "
        "first shows together in 12 years, the group said on Monday. The tour opens at Glasgow's OVO Hydro on May 8. Tickets go "
        "on sale Friday. The band split in 2014 after frontman Euan Gallie left to pursue a solo career.",
        "Hollow Pines back together as Gallie rejoins for world tour",
        "The Hollow Pines are getting back together. The Scottish indie group, who broke up in 2014 when singer Euan Gallie "
        "went solo, have confirmed 24 concerts across the UK, Europe and North America next year, kicking off in Glasgow on "
        "8 May. Tickets will be released on Friday.",
    ),
    # 24 -- transport / rail accident
    (
        "Two dead, dozens injured as regional train derails in Bavaria",
        "BERLIN (Reuters) - Two people were killed and 34 injured when a regional train derailed near the town of "
        "Altmühlried in Bavaria on Sunday evening, police said. The train, carrying about 120 passengers, came off the "
        "tracks after heavy rain apparently washed away part of an embankment. Deutsche Bahn said the line between Ingolstadt "
        "and Treuchtlingen would remain closed for several days.",
        "Deadly derailment in southern Germany after storms undermine track",
        "<p>Two passengers died and 34 others were hurt on Sunday when a regional train came off the rails near "
        "Altm&uuml;hlried in Bavaria, according to police.</p>"
        "<p>Investigators believe torrential rain had washed out part of the embankment. Around 120 people were on board. "
        "Deutsche Bahn said the Ingolstadt&ndash;Treuchtlingen route would stay shut for several days.</p>",
    ),
    # 25 -- transport / aircraft order
    (
        "Budget carrier Skyrova orders 60 Airbus A321neo jets",
        "PARIS (Reuters) - Eastern European low-cost airline Skyrova has ordered 60 Airbus A321neo jets worth about $8.4 billion "
        "at list prices, the planemaker said on Wednesday, as the carrier expands routes from Poland and Romania. The order "
        "includes purchase rights for a further 20 aircraft. Deliveries are due to run from 2029 to 2033. Airlines typically "
        "receive steep discounts from list prices.",
        "Skyrova signs $8.4bn Airbus deal to fuel expansion",
        "Low-cost airline Skyrova has placed a firm order for 60 A321neo aircraft with Airbus, valued at $8.4bn before customary "
        "discounts, with options for 20 more. The Warsaw-based carrier said the planes, to be delivered between 2029 and 2033, "
        "would support growth in Poland and Romania.",
    ),
    # 26 -- company / recall
    (
        "Hanmura recalls 340,000 vehicles over faulty airbag sensors",
        "WASHINGTON (Reuters) - Japanese automaker Hanmura Motor is recalling about 340,000 vehicles in the United States because "
        "a faulty passenger seat sensor may prevent the front airbag from deploying in a crash, the National Highway Traffic "
        "Safety Administration said on Friday. The recall covers certain 2022-2024 Hanmura Corsa sedans and Vento SUVs. Dealers "
        "will replace the sensor free of charge.",
        "Airbag flaw prompts Hanmura recall of Corsa, Vento models",
        "Hanmura Motor is calling back roughly 340k Corsa sedans and Vento SUVs from the 2022 to 2024 model years in the US, "
        "according to a filing with the National Highway Traffic Safety Administration. A defective occupant sensor in the "
        "passenger seat could stop the front airbag from inflating in a collision. Owners will have the part replaced at no cost.",
    ),
    # 27 -- economic data
    (
        "Japan's economy shrinks 0.4% in third quarter as exports slump",
        "TOKYO (Reuters) - Japan's economy contracted an annualised 0.4% in the July-September quarter, government data showed "
        "on Monday, as exports fell sharply and consumer spending stalled. The reading was weaker than the median market forecast "
        "of a 0.2% expansion. On a quarter-on-quarter basis, gross domestic product fell 0.1%. The data may complicate the Bank "
        "of Japan's plans to raise interest rates.",
        "Japanese GDP unexpectedly contracts on export slide",
        "<p>Japan&#8217;s gross domestic product fell at an annualised rate of 0.4 per cent in the third quarter, confounding "
        "economists who had pencilled in growth of 0.2 per cent.</p>"
        "<p>Output dropped 0.1 per cent from the previous three months, dragged down by a slump in exports and flat household "
        "consumption. The figures could give the Bank of Japan pause as it weighs further rate rises.</p>",
    ),
    # 28 -- central bank
    (
        "RBI cuts repo rate by 25 bps to 5.75%, keeps neutral stance",
        "MUMBAI (Reuters) - The Reserve Bank of India cut its key repo rate by 25 basis points to 5.75% on Friday, as expected, "
        "citing easing inflation, and kept its monetary policy stance at neutral. Five of the six members of the monetary policy "
        "committee voted for the cut. Governor Arvind Rao said the central bank had revised its inflation forecast for the "
        "fiscal year to 3.4% from 3.7%.",
        "India's central bank lowers interest rates as inflation cools",
        "India's central bank trimmed its benchmark lending rate by a quarter of a percentage point to 5.75 per cent, with the "
        "monetary policy committee voting 5-1 in favour. The Reserve Bank of India left its stance unchanged at neutral. Governor "
        "Arvind Rao said inflation was now projected at 3.4 per cent for the financial year, down from an earlier estimate of "
        "3.7 per cent.",
    ),
    # 29 -- politics / health policy
    (
        "Ireland to ban disposable vapes from next June",
        "DUBLIN — The Irish government will ban the sale of disposable vapes from June 1 next year, Health Minister "
        "Siobhán Carey announced on Tuesday, citing a sharp rise in vaping among teenagers and the environmental damage "
        "caused by single-use devices. Retailers found selling the products after the deadline will face fines of up to "
        "€4,000. The ban was approved by cabinet earlier in the day.",
        "Cabinet approves outright ban on single-use e-cigarettes",
        "<p>Single-use vapes will be outlawed in Ireland from 1 June next year after the Cabinet signed off on the measure on "
        "Tuesday.</p>"
        "<p>Minister for Health Siobh&aacute;n Carey said the number of teenagers vaping had risen sharply and that discarded "
        "devices were causing environmental harm. Shops that continue to sell them will face fines of up to &euro;4,000.</p>",
    ),
    # 30 -- company / governance
    (
        "Ostrander Mining shareholders reject CEO pay report in rare rebuke",
        "TORONTO (Reuters) - Shareholders of Ostrander Mining voted against the company's executive pay report at its annual "
        "meeting on Thursday, with 58% opposing a package that would have awarded Chief Executive Graham Lockyer up to C$24 "
        "million. The vote is advisory and non-binding, but the board said it would engage with investors and review its "
        "remuneration policy. Proxy advisers ISS and Glass Lewis had recommended voting against.",
        "Investors revolt over Lockyer's pay at Ostrander",
        "Ostrander Mining suffered a shareholder revolt at its AGM, where 58 per cent of votes cast opposed the remuneration "
        "report covering chief executive Graham Lockyer's potential C$24m award. Though the vote is not binding, the board said "
        "it would consult shareholders and reassess its pay policy. Both ISS and Glass Lewis had advised investors to reject the "
        "package.",
    ),
    # 31 -- technology / data breach
    (
        "Retailer Calloway's says hackers stole data of 6 million customers",
        "CHICAGO (AP) — Department store chain Calloway's said Wednesday that hackers had accessed the names, email "
        "addresses, phone numbers and partial payment card details of about 6 million customers in a cyberattack discovered last "
        "month. The company said full card numbers and passwords were not exposed. It has notified law enforcement and is "
        "offering affected customers free credit monitoring for two years.",
        "Calloway's discloses cyberattack hitting millions of shoppers",
        "Calloway's has revealed that cybercriminals obtained personal information belonging to roughly six million of its "
        "customers, including names, emails, phone numbers and the last four digits of payment cards. The department store group "
        "said complete card numbers and passwords were not affected. It has informed police and will provide two years of free "
        "credit monitoring.",
    ),
]


EN_FLASH4 = [
    (
        "BRIGHTWATER PHARMACEUTICALS Q3 REVENUE $4.3 BLN VS IBES ESTIMATE $4.1 BLN",
        "Brightwater Pharmaceuticals raises full-year adjusted EPS forecast to $6.40-$6.55 as Veloxa sales rise 31%.",
        0,
    ),
    (
        "SOLANO ENERGY TO ACQUIRE PINECREST RENEWABLES FOR $18.50/SHR IN CASH",
        "Solano Energy says deal for Pinecrest Renewables valued at $2.7 bln including debt.",
        1,
    ),
    (
        "SWEDEN'S RIKSBANK CUTS POLICY RATE TO 2.25% FROM 2.50%",
        "Riksbank says policy rate could be cut again during first half of next year.",
        5,
    ),
    (
        "BREAKING: Brenes wins Costa Rica presidential runoff - electoral tribunal",
        "Opposition candidate Ana Lucía Brenes takes about 54% of vote against ruling party's Esteban Quirós, preliminary results show.",
        7,
    ),
    (
        "MISSOURI JURY ORDERS FERROWOOD TO PAY $310 MLN IN CLEARFIELD WEEDKILLER TRIAL",
        "Verdict includes $285 mln punitive damages; Ferrowood Crop Sciences says will appeal.",
        9,
    ),
    (
        "Cyclone Tamsin makes landfall near Mackay as category 3 system - BoM",
        "Around 60,000 homes without power in Queensland, no deaths reported.",
        12,
    ),
    (
        "FT: Celtic 2 Rangers 0",
        "McKenna, Rydell score as Celtic go five points clear at top of Premiership; Rangers' Carrick sent off.",
        14,
    ),
    (
        "NIMBEX CLOUD OUTAGE DISRUPTS BANKS, AIRLINES; COMPANY CITES NETWORK CONFIG CHANGE",
        "Nimbex says services restored after nearly four-hour outage in US-East region.",
        18,
    ),
    (
        "Two killed, 34 hurt as regional train derails in Bavaria - police",
        "Deutsche Bahn says Ingolstadt-Treuchtlingen line closed for several days after embankment washout.",
        24,
    ),
    (
        "INDIA CENBANK CUTS REPO RATE BY 25 BPS TO 5.75%; STANCE KEPT NEUTRAL",
        "RBI lowers FY inflation forecast to 3.4% from 3.7%; MPC votes 5-1 for cut.",
        28,
    ),
]


EN_TOPIC4 = [
    # 1 -- same company, two unrelated announcements on one day
    (
        "Orvane Telecom agrees to sell towers unit for $3.1 billion",
        "MADRID (Reuters) - Spanish telecoms operator Orvane Telecom said on Tuesday it had agreed to sell its mobile towers "
        "business to infrastructure fund Bracken Infrastructure Partners for $3.1 billion, as it seeks to cut debt. The unit owns "
        "about 14,000 sites in Spain and Portugal. Orvane said the deal would reduce its net debt by around 2.6 billion euros and "
        "is expected to close in the first half of next year. Shares rose 3.2% in Madrid.",
        "Spanish regulator fines Orvane Telecom 12 million euros over billing errors",
        "MADRID (Reuters) - Spain's markets and competition regulator CNMC fined Orvane Telecom 12 million euros on Tuesday for "
        "overcharging mobile customers after a billing system change last year. The regulator said about 410,000 customers were "
        "affected and ordered the operator to refund them within three months. Orvane said it would appeal the fine but had "
        "already begun refunds. Shares in the company were up 3% in Madrid.",
        5,
    ),
    # 2 -- two different central banks, same day
    (
        "Norway's central bank holds rate at 4%, signals cuts next year",
        "OSLO (Reuters) - Norway's central bank kept its benchmark interest rate at 4.0% on Thursday, as expected by all "
        "economists polled by Reuters, and said the rate would probably be lowered two or three times next year. Norges Bank said "
        "underlying inflation had eased faster than projected, but a weak crown still posed upside risks to prices.",
        "Swiss National Bank cuts rate to 0.25%, stands ready to intervene in currency market",
        "ZURICH (Reuters) - The Swiss National Bank cut its policy rate by 25 basis points to 0.25% on Thursday, as expected, "
        "citing low inflation and the strength of the Swiss franc. The central bank lowered its inflation forecast for next year "
        "to 0.3% and said it remained willing to intervene in foreign exchange markets as necessary. Most economists polled by "
        "Reuters had predicted the cut.",
        2,
    ),
    # 3 -- two different storms
    (
        "Hurricane Gideon strengthens off Mexico's Pacific coast",
        "MEXICO CITY (Reuters) - Hurricane Gideon strengthened to a category 2 storm off Mexico's Pacific coast on Wednesday and "
        "was expected to make landfall near the port of Manzanillo late on Thursday, the U.S. National Hurricane Center said. "
        "The storm was packing maximum sustained winds of 105 miles per hour (165 km per hour). Authorities in Colima state "
        "opened shelters and closed ports.",
        "Tropical Storm Fenna brings heavy rain to Bermuda",
        "HAMILTON, Bermuda (Reuters) - Tropical Storm Fenna passed just west of Bermuda on Wednesday, bringing gusty winds and "
        "heavy rain to the island but causing only minor damage, officials said. The U.S. National Hurricane Center said Fenna had "
        "maximum sustained winds of 60 miles per hour (95 km per hour) and was forecast to weaken over cooler Atlantic waters. "
        "About 8,000 customers lost power.",
        4,
    ),
    # 4 -- same club, two different matches
    (
        "Leeds United beat Sunderland 3-1 to climb into top four",
        "Leeds United came from a goal down to beat Sunderland 3-1 at Elland Road on Saturday and move into the Premier League's "
        "top four. Sunderland led through an early penalty, but Leeds equalised before half-time and scored twice in the final "
        "20 minutes to secure a third successive home win.",
        "Leeds United Women beaten 2-0 at Durham",
        "Leeds United Women slipped to a 2-0 defeat at Durham in the Women's Championship on Sunday, ending a four-match unbeaten "
        "run. Durham scored once in each half, and the visitors were reduced to 10 players after a second booking shortly before "
        "the break. Leeds remain sixth in the table.",
        18,
    ),
    # 5 -- same regulator, two approvals
    (
        "FDA approves Corlen Therapeutics' nasal spray for acute migraine",
        "(Reuters) - The U.S. Food and Drug Administration on Monday approved Corlen Therapeutics' nasal spray for the acute "
        "treatment of migraine in adults, the company said, giving patients a needle-free option that works within 15 minutes. "
        "The approval was based on two late-stage trials involving about 2,400 patients. Corlen expects to launch the drug, to be "
        "sold as Nevira, in the first quarter. Shares rose 11% in extended trading.",
        "FDA clears Averna Bio's one-time gene therapy for hemophilia B",
        "(Reuters) - The U.S. Food and Drug Administration on Monday approved Averna Bio's gene therapy for adults with severe "
        "hemophilia B, a rare inherited bleeding disorder, the company said. The one-time infusion, to be sold as Hemavia, will "
        "carry a list price of $3.1 million. In a late-stage trial, it cut annual bleeding rates by 88%. Averna shares were "
        "halted ahead of the announcement.",
        4,
    ),
    # 6 -- two strikes, different industries
    (
        "Southline train drivers to strike over pay, union says",
        "LONDON (Reuters) - Train drivers at British rail operator Southline will stage two 24-hour strikes later this month in "
        "a dispute over pay, the ASLEF union said on Wednesday, threatening disruption for commuters across southern England. The "
        "union said 91% of members who voted backed industrial action. Southline said it was disappointed and urged the union to "
        "return to talks.",
        "Bristol bin workers to walk out in row over job cuts",
        "<p>Refuse collectors in Bristol will walk out for two weeks from next Monday after the city council refused to drop "
        "plans to cut jobs, the Unite union said on Wednesday.</p>"
        "<p>Unite said 87% of members voting had backed the strike. The council said it was disappointed, urged residents to "
        "keep bins secure and said it remained open to talks.</p>",
        3,
    ),
    # 7 -- same politician, two matters
    (
        "Australia's Callister softens planned tax on large super balances",
        "CANBERRA (Reuters) - Australian Treasurer Mark Callister on Monday announced changes to a planned tax on superannuation "
        "balances above A$3 million, including indexing the threshold to inflation, after criticism from farmers and small "
        "business owners. The revised measure is expected to raise A$2.1 billion over four years, Callister told reporters in "
        "Canberra.",
        "Australia blocks Hong Kong firm's bid for Tarrawong Lithium",
        "CANBERRA (Reuters) - Australian Treasurer Mark Callister on Monday blocked a A$1.4 billion bid by Hong Kong-based "
        "Sinoridge Resources for lithium developer Tarrawong Lithium on national interest grounds, following advice from the "
        "Foreign Investment Review Board. Callister told reporters in Canberra the decision reflected the importance of secure "
        "critical minerals supply chains. Tarrawong shares fell 18%.",
        7,
    ),
    # 8 -- two crimes in one city
    (
        "Armed robbers raid Croydon bookmaker, police appeal for witnesses",
        "Police are appealing for witnesses after two men armed with a knife and a hammer robbed a betting shop in Croydon, south "
        "London, on Tuesday evening, the Metropolitan Police said. Staff were threatened but no one was seriously hurt. The "
        "suspects fled on foot with several thousand pounds in cash. Anyone with information is asked to call 101 or contact "
        "Crimestoppers anonymously.",
        "Man charged with murder after fatal stabbing in Hackney",
        "A 24-year-old man has been charged with murder following the fatal stabbing of a man in Hackney, east London, the "
        "Metropolitan Police said on Wednesday. Officers were called to Mare Street shortly after 11pm on Monday, where the "
        "victim, 31, was pronounced dead at the scene. The suspect will appear at Thames Magistrates' Court on Thursday. Anyone "
        "with information is asked to call 101 or contact Crimestoppers anonymously.",
        9,
    ),
    # 9 -- two earthquakes
    (
        "Magnitude 6.1 earthquake strikes off Japan's Hokkaido, no tsunami warning",
        "TOKYO (Reuters) - A magnitude 6.1 earthquake struck off the coast of Japan's northern island of Hokkaido on Friday, the "
        "Japan Meteorological Agency said, shaking buildings in the city of Kushiro but prompting no tsunami warning. There were "
        "no immediate reports of damage or injuries. Hokkaido Electric Power said its Tomari nuclear plant was unaffected.",
        "Magnitude 5.9 quake hits Indonesia's Sulawesi, damaging homes",
        "JAKARTA (Reuters) - A magnitude 5.9 earthquake struck Indonesia's Central Sulawesi province on Friday, damaging dozens "
        "of homes and a mosque, the country's disaster mitigation agency said. The quake was centred 12 km (7 miles) from the "
        "town of Poso at a depth of 10 km, according to the geophysics agency BMKG, which said there was no potential for a "
        "tsunami. Two people were injured.",
        3,
    ),
    # 10 -- two banks' results on the same morning
    (
        "Harrowgate Bank third-quarter profit rises on higher lending income",
        "LONDON (Reuters) - Britain's Harrowgate Bank reported a 14% rise in third-quarter pretax profit on Thursday to 1.62 "
        "billion pounds, beating analysts' expectations, as higher mortgage volumes and lower impairment charges offset pressure "
        "on margins. The bank kept its full-year guidance for a net interest margin above 3%. Shares rose 2.5% in early trade.",
        "Pellam Bank profit falls as investment banking slump bites",
        "LONDON (Reuters) - Pellam Bank reported an 11% fall in third-quarter pretax profit on Thursday to 2.05 billion pounds, "
        "missing analysts' forecasts, as weaker trading and advisory revenues at its investment bank offset growth in UK retail "
        "lending. The bank said it still expected to meet its full-year return on tangible equity target of about 11%. Shares "
        "fell 3.1% in early trade.",
        1,
    ),
    # 11 -- two tech layoffs on the same day
    (
        "Pixelle Games to cut 400 jobs, close Montreal studio",
        "(Reuters) - Video game publisher Pixelle Games said on Tuesday it would cut about 400 jobs, or 8% of its workforce, and "
        "close its Montreal studio after cancelling two titles in development. The company expects restructuring charges of "
        "about $60 million, mostly in the current quarter. Chief Executive Sofia Brandt told staff the company needed to focus on "
        "its biggest franchises.",
        "Trelwick Networks to lay off 700 in cost-cutting drive",
        "(Reuters) - Networking equipment maker Trelwick Networks will lay off about 700 employees, or 6% of its workforce, as it "
        "reduces costs amid weak demand from telecom carriers, the company said in a regulatory filing on Tuesday. Trelwick "
        "expects to record charges of $45 million to $55 million related to the cuts, mostly in the current quarter.",
        6,
    ),
    # 12 -- same airline, two different incidents
    (
        "Meridian Air flight returns to Denver after engine problem",
        "DENVER (AP) — A Meridian Air flight bound for Houston returned to Denver International Airport shortly after "
        "takeoff on Sunday after the crew reported a problem with one of its engines, the Federal Aviation Administration said. "
        "The Airbus A320 landed safely with 148 passengers and six crew members on board. The FAA said it would investigate.",
        "FAA investigating close call on Newark runway",
        "NEWARK, N.J. (AP) — The Federal Aviation Administration said Sunday it is investigating after a regional jet "
        "crossed an active runway at Newark Liberty International Airport as a Meridian Air Boeing 737 was preparing to take "
        "off. The departing plane's pilots aborted the takeoff and no one was injured, the agency said. The National "
        "Transportation Safety Board said it was gathering information.",
        5,
    ),
    # 13 -- two US data releases on one morning
    (
        "US retail sales rise 0.4% in October, beating forecasts",
        "WASHINGTON (Reuters) - U.S. retail sales increased more than expected in October, boosted by higher receipts at motor "
        "vehicle dealers and online retailers, the Commerce Department said on Friday. Retail sales rose 0.4% last month after "
        "an unrevised 0.2% gain in September. Economists polled by Reuters had forecast sales would rise 0.3%.",
        "US industrial production falls 0.2% as factory output slips",
        "WASHINGTON (Reuters) - U.S. industrial production fell in October as manufacturing output declined for a second "
        "straight month, the Federal Reserve said on Friday. Industrial production dropped 0.2% after being unchanged in "
        "September. Economists polled by Reuters had forecast production would be flat. Capacity utilization fell to 77.1%.",
        1,
    ),
    # 14 -- two Eurostat releases
    (
        "Euro zone inflation eases to 2.1% in November",
        "BRUSSELS (Reuters) - Euro zone inflation eased to 2.1% in November from 2.3% in October, a flash estimate from Eurostat "
        "showed on Tuesday, bringing it closer to the European Central Bank's 2% target. Economists polled by Reuters had "
        "expected 2.2%. Core inflation, which excludes volatile food and energy prices, slowed to 2.6%.",
        "Euro zone unemployment steady at record low of 6.2%",
        "BRUSSELS (Reuters) - Unemployment in the euro zone held at a record low of 6.2% in October, Eurostat said on Tuesday, in "
        "line with expectations, as labour markets remained resilient despite sluggish growth. Spain's jobless rate fell to "
        "10.9%, while Germany's was unchanged at 3.4%. Economists polled by Reuters had expected a steady reading.",
        2,
    ),
    # 15 -- one court, two rulings
    (
        "US Supreme Court sides with detained asylum seekers",
        "WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday ruled 6-3 that immigrants held in detention while seeking "
        "asylum are entitled to a bond hearing after six months, handing a defeat to the federal government in a case from "
        "Texas. The majority said prolonged detention without a hearing raised serious constitutional concerns.",
        "US Supreme Court throws out photographer's copyright suit against AI firm",
        "WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday ruled 7-2 against a wildlife photographer who accused "
        "artificial intelligence company Lumentra of infringing his copyrights by using his images to train its image generator, "
        "finding that his lawsuit had been filed too late. The ruling did not address whether such training is fair use.",
        2,
    ),
    # 16 -- two wildfires
    (
        "Wildfire in California's Ventura County forces thousands to evacuate",
        "LOS ANGELES (Reuters) - A fast-moving wildfire driven by strong Santa Ana winds forced about 9,000 residents to evacuate "
        "in California's Ventura County on Wednesday, burning more than 6,500 acres and destroying at least 40 structures, fire "
        "officials said. The Ridge Fire was 5% contained. No deaths had been reported.",
        "Southern Oregon wildfire grows, prompting evacuation orders",
        "PORTLAND, Ore. (Reuters) - A wildfire in southern Oregon's Josephine County grew to more than 12,000 acres on "
        "Wednesday, prompting evacuation orders for about 1,200 homes, officials said. The Bear Gulch Fire was 10% contained, and "
        "more than 700 firefighters were assigned to the blaze. No injuries had been reported.",
        10,
    ),
    # 17 -- same carmaker: launch vs recall
    (
        "Corvana Motors launches cheaper electric SUV to take on rivals",
        "SEOUL (Reuters) - South Korea's Corvana Motors on Tuesday unveiled the Aero 5, a compact electric SUV priced from 39 "
        "million won ($28,000), as it seeks to win back market share from cheaper Chinese rivals. The Aero 5 has a range of "
        "420 km on a single charge. Sales begin in South Korea in January and in Europe later in the year.",
        "Corvana Motors recalls 80,000 SUVs in US over brake fluid leak",
        "SEOUL (Reuters) - South Korea's Corvana Motors is recalling about 80,000 Terra SUVs in the United States because a "
        "brake fluid leak could cause an engine compartment fire, according to the National Highway Traffic Safety "
        "Administration. The automaker advised owners to park outdoors until repairs are made. Dealers will replace a faulty "
        "component free of charge.",
        8,
    ),
    # 18 -- two pharma deals on one day
    (
        "Aldermoor Pharma to buy Nexis Bio for $1.9 billion",
        "(Reuters) - Aldermoor Pharma said on Monday it would buy Nexis Bio for $1.9 billion in cash to gain access to its "
        "experimental obesity drug, the latest in a string of deals in the weight-loss market. Aldermoor will pay $42 per share, "
        "a 68% premium to Nexis's closing price on Friday. The deal is expected to close in the first quarter.",
        "Stellant Health agrees $4.2 billion deal for Quorva Therapeutics",
        "(Reuters) - Stellant Health said on Monday it agreed to acquire Quorva Therapeutics for about $4.2 billion to bolster "
        "its portfolio of immunology treatments. Stellant will pay $57 per share in cash, a 45% premium to Quorva's closing price "
        "on Friday. The deal is expected to close in the first quarter, subject to regulatory approvals.",
        3,
    ),
    # 19 -- two elections on the same weekend
    (
        "Pro-EU party leads Moldova parliamentary election, preliminary results show",
        "CHISINAU (Reuters) - Moldova's ruling pro-European Union for Progress party won about 44% of the vote in Sunday's "
        "parliamentary election, preliminary results showed, putting it on course to retain a narrow majority. The pro-Russian "
        "Patriotic Bloc was second with about 31%. Turnout was 52%, the central election commission said.",
        "Centre-left candidate Olivera wins Uruguay presidential runoff",
        "MONTEVIDEO (Reuters) - Centre-left candidate Martín Olivera won Uruguay's presidential runoff on Sunday with 51.2% "
        "of the vote, defeating conservative rival Lucas Berreta, according to preliminary results from the electoral court. "
        "Berreta conceded defeat late on Sunday. Olivera will take office on March 1.",
        6,
    ),
    # 20 -- same company/CEO, two matters
    (
        "Zentrix quarterly revenue beats estimates on data center demand",
        "(Reuters) - Chipmaker Zentrix reported third-quarter revenue of $9.8 billion on Wednesday, above analysts' average "
        "estimate of $9.4 billion, driven by demand for its data center processors. Chief Executive Leon Varga said orders for "
        "its AI accelerators had more than doubled from a year earlier. Shares rose 6% in extended trading.",
        "Zentrix CEO Varga pays $2.5 million to settle SEC disclosure charges",
        "(Reuters) - Zentrix Chief Executive Leon Varga agreed to pay $2.5 million to settle U.S. Securities and Exchange "
        "Commission charges that he failed to disclose on time his purchases of shares in one of the chipmaker's suppliers, the "
        "regulator said on Wednesday. Varga neither admitted nor denied the allegations. Zentrix said the matter was closed.",
        6,
    ),
    # 21 -- two space launches
    (
        "Aurelian Space launches 22 broadband satellites from Florida",
        "CAPE CANAVERAL, Fla. (Reuters) - Aurelian Space launched 22 broadband satellites from Cape Canaveral Space Force Station "
        "on Tuesday night, the company's ninth mission this year, and landed the rocket's first stage on a drone ship in the "
        "Atlantic. The satellites were deployed about an hour after liftoff, the company said.",
        "India launches weather satellite aboard GSLV rocket",
        "BENGALURU (Reuters) - India's space agency ISRO successfully launched a new weather satellite from the Sriharikota "
        "spaceport on Wednesday. The GSLV rocket placed the 2,250 kg INSAT-4M satellite into a geosynchronous transfer orbit "
        "about 19 minutes after liftoff, the agency said. The satellite will improve monsoon and cyclone forecasting.",
        11,
    ),
    # 22 -- two measles outbreaks
    (
        "Measles outbreak in Lancashire grows to 37 cases",
        "<p>Health officials have confirmed 37 cases of measles in Lancashire, up from 22 last week, with most involving "
        "unvaccinated children under 10.</p>"
        "<p>The UK Health Security Agency urged parents to check that their children had received both doses of the MMR vaccine "
        "and said GP surgeries were offering catch-up jabs.</p>",
        "Ontario health unit declares measles outbreak after 14 cases",
        "TORONTO — Public health officials in Ontario's Huron Perth region declared a measles outbreak on Thursday after "
        "confirming 14 cases, most of them in unvaccinated children. The health unit urged residents to make sure their MMR "
        "vaccinations were up to date and warned of possible exposure at a school and a hospital emergency department.",
        13,
    ),
    # 23 -- two tech outages
    (
        "Chatterly messaging service restored after hours-long outage",
        "(Reuters) - Workplace messaging app Chatterly said service was restored on Monday after an outage of more than three "
        "hours left users unable to send messages or load channels. Outage tracking website Downdetector showed about 40,000 "
        "reports at the peak. The company blamed a database issue and said there was no evidence of a cyberattack.",
        "Paylane outage leaves shoppers unable to pay by card",
        "(Reuters) - Card payment processor Paylane suffered an outage of about 90 minutes on Monday that left shoppers in "
        "Britain and Ireland unable to pay by card at some supermarkets and petrol stations. Downdetector showed more than 25,000 "
        "reports. Paylane said the problem was caused by a hardware failure at a data centre and was not a cyberattack.",
        4,
    ),
    # 24 -- two rail accidents
    (
        "Passenger train derails in eastern India, injuring 45",
        "KOLKATA (Reuters) - Eleven coaches of an express train derailed in India's eastern Odisha state on Sunday, injuring 45 "
        "passengers, railway officials said. There were no immediate reports of deaths. The railway ministry ordered an inquiry "
        "into the accident, which disrupted services on the busy Howrah-Chennai route.",
        "Two trains collide in Egypt's Nile Delta, killing seven",
        "CAIRO (Reuters) - At least seven people were killed and 28 injured when two passenger trains collided near the city of "
        "Zagazig in Egypt's Sharqiya province on Sunday, the health ministry said. Egypt's railway authority said one train had "
        "passed a red signal. Prosecutors opened an investigation.",
        16,
    ),
    # 25 -- two floods
    (
        "Flash floods hit Spain's Valencia region, one dead",
        "MADRID (Reuters) - A man died and hundreds of people were evacuated after torrential rain caused flash flooding in "
        "Spain's eastern Valencia region on Tuesday, emergency services said. State weather agency AEMET issued a red alert "
        "after more than 180 litres per square metre fell in some areas in under 12 hours. Schools were closed in 30 "
        "municipalities.",
        "Floods force evacuations in Brittany as river bursts banks",
        "PARIS (Reuters) - About 600 people were evacuated in France's western Brittany region on Tuesday after the Vilaine "
        "river burst its banks following days of heavy rain, local authorities said. Weather service Meteo-France placed the "
        "Ille-et-Vilaine department on red alert for flooding. No casualties were reported.",
        5,
    ),
    # 26 -- same mayor, two matters
    (
        "Chicago mayor proposes property tax increase to close budget gap",
        "CHICAGO (AP) — Chicago Mayor Denise Harlan on Wednesday proposed a $17.2 billion budget that includes a $150 "
        "million property tax increase to help close a deficit of nearly $1 billion. Harlan told the City Council the city had "
        "no choice after federal pandemic aid ran out. Aldermen must approve a budget by Dec. 31.",
        "Chicago mayor picks deputy chief as new police superintendent",
        "CHICAGO (AP) — Chicago Mayor Denise Harlan on Wednesday named Deputy Chief Anthony Ruiz as the city's next police "
        "superintendent, pending City Council approval. Ruiz, a 26-year veteran of the department, has led its patrol division "
        "since 2022. Harlan said he would focus on reducing shootings and rebuilding trust.",
        5,
    ),
    # 27 -- two film festival awards
    (
        "'The Long Quiet' wins People's Choice Award at Toronto film festival",
        "TORONTO (Reuters) - \"The Long Quiet\", a family drama directed by Canadian filmmaker Maya Okafor, won the People's "
        "Choice Award at the Toronto International Film Festival on Sunday, an honour often seen as an Oscar bellwether. The "
        "award is voted on by festival audiences.",
        "Chilean film 'Altiplano' wins Golden Shell at San Sebastian",
        "SAN SEBASTIAN, Spain (Reuters) - Chilean director Tomás Reyes's \"Altiplano\", a drama about a mining family in the "
        "Andes, won the Golden Shell for best film at the San Sebastian International Film Festival on Saturday. The best actress "
        "award went to Spain's Lucía Ferrer.",
        7,
    ),
    # 28 -- two music tour stories
    (
        "Callie Rowe announces UK and Ireland arena tour",
        "Singer Callie Rowe will play 18 arena dates across the UK and Ireland next autumn, her first tour in three years, she "
        "announced on Monday. The tour opens in Dublin on September 12 and ends at London's O2 Arena. Tickets go on sale on "
        "Friday.",
        "The Marrows cancel North American tour after drummer's injury",
        "British rock band The Marrows have cancelled the remaining 14 dates of their North American tour after drummer Jack "
        "Peel broke his wrist, the group said on Monday. Fans will be refunded at the point of purchase. The band said they hoped "
        "to reschedule the shows next year.",
        9,
    ),
    # 29 -- two crimes in one city
    (
        "Man shot dead in Stockholm suburb, police say",
        "STOCKHOLM (Reuters) - A man in his 20s was shot dead in the Stockholm suburb of Rinkeby late on Friday, Swedish police "
        "said. No arrests had been made. Police said they were investigating whether the killing was linked to an ongoing "
        "conflict between criminal gangs.",
        "Explosion damages Stockholm apartment block, teenager arrested",
        "STOCKHOLM (Reuters) - Swedish police arrested a 16-year-old boy on Saturday after an explosion damaged the entrance of "
        "an apartment block in the Stockholm suburb of Hässelby overnight. No one was injured. Police said they believed the "
        "blast was connected to a criminal conflict.",
        8,
    ),
    # 30 -- two cyberattacks
    (
        "Ransomware attack forces Ohio hospital system to divert ambulances",
        "COLUMBUS, Ohio (AP) — A ransomware attack on Buckeye Valley Health has forced the hospital system to divert "
        "ambulances from three of its hospitals and postpone some elective surgeries, the company said Thursday. Staff have "
        "switched to paper records while systems are offline. The FBI has been notified.",
        "Cyberattack knocks out Brookport city services",
        "BROOKPORT, Mich. (AP) — A cyberattack has taken down computer systems in the city of Brookport, disrupting online "
        "bill payments and building permit applications, city officials said Thursday. Emergency 911 services were not affected. "
        "The city said it had notified the FBI and hired an outside cybersecurity firm.",
        6,
    ),
    # 31 -- two commodity market reports
    (
        "Oil prices rise 2% on Middle East supply worries",
        "(Reuters) - Oil prices rose about 2% on Tuesday on concerns about supply disruptions in the Middle East and a weaker "
        "dollar. Brent crude futures were up $1.42, or 2%, at $73.80 a barrel by 1405 GMT. U.S. West Texas Intermediate crude "
        "futures gained $1.38, or 2%, to $70.15.",
        "Gold hits record high as rate-cut bets grow",
        "(Reuters) - Gold prices climbed to a record high on Tuesday as a softer dollar and rising expectations of U.S. interest "
        "rate cuts boosted demand for the non-yielding metal. Spot gold rose 1.1% to $4,210.40 per ounce by 1402 GMT. U.S. gold "
        "futures gained 1% to $4,236.",
        2,
    ),
    # 32 -- same company, two legal matters
    (
        "Irish regulator fines Socialink 390 million euros over data transfers",
        "DUBLIN (Reuters) - Ireland's Data Protection Commission fined social media company Socialink 390 million euros on "
        "Thursday for breaching European Union privacy rules by transferring users' data to the United States. The regulator "
        "ordered the company to bring its data processing into compliance within six months. Socialink said it would appeal.",
        "US states sue Socialink, allege app harms teens' mental health",
        "(Reuters) - A group of 28 U.S. states sued Socialink on Thursday, accusing the social media company of designing "
        "features that make its app addictive to teenagers and harm their mental health. The lawsuit was filed in federal court "
        "in Oakland, California. Socialink said it disagreed with the claims and would defend itself.",
        10,
    ),
    # 33 -- two Bundesliga matches, same afternoon
    (
        "Bayern Munich beat Freiburg 3-0 to stay top of Bundesliga",
        "BERLIN (Reuters) - Bayern Munich beat Freiburg 3-0 at home on Saturday to maintain their four-point lead at the top of "
        "the Bundesliga. Bayern scored twice in the first half and added a third from the penalty spot after the break.",
        "Dortmund held to draw at Stuttgart",
        "BERLIN (Reuters) - Borussia Dortmund were held to a 1-1 draw at VfB Stuttgart on Saturday, dropping further behind "
        "leaders Bayern Munich in the Bundesliga. Stuttgart equalised 10 minutes from time after Dortmund had led through a "
        "first-half header.",
        2,
    ),
    # 34 -- two heatwaves
    (
        "Heatwave grips northern India, Delhi records 47 degrees Celsius",
        "NEW DELHI (Reuters) - Temperatures in New Delhi reached 47 degrees Celsius (116.6 degrees Fahrenheit) on Monday as a "
        "severe heatwave gripped northern India, the India Meteorological Department said. Authorities urged people to stay "
        "indoors during the afternoon, and several states closed schools early for the summer holidays.",
        "Spain swelters as heatwave pushes temperatures above 44C",
        "MADRID (Reuters) - Temperatures climbed above 44 degrees Celsius (111 Fahrenheit) in parts of southern Spain on Monday as "
        "the country's first heatwave of the summer took hold, state weather agency AEMET said. Red alerts were issued for "
        "Seville and Cordoba, and authorities urged people to avoid outdoor activity during the hottest hours.",
        8,
    ),
    # 35 -- two port strikes in different countries
    (
        "Hamburg port workers stage warning strike over pay",
        "HAMBURG (Reuters) - Dockworkers at Germany's largest port, Hamburg, staged a 24-hour warning strike on Thursday in a "
        "dispute over pay, halting container handling at the main terminals, the ver.di union said. The union is demanding an "
        "8% pay rise. Employers said the strike would cause delays for shipping lines.",
        "Montreal port dockworkers walk off job, halting container traffic",
        "MONTREAL (Reuters) - Dockworkers at the Port of Montreal began an open-ended strike on Thursday in a dispute over work "
        "schedules, halting container traffic at Canada's second-busiest port, the port authority said. The union said talks "
        "with the employers' association had broken down. Shippers urged Ottawa to intervene.",
        15,
    ),
    # 36 -- same central bank, two unrelated stories
    (
        "ECB keeps rates unchanged, says inflation on track",
        "FRANKFURT (Reuters) - The European Central Bank kept its deposit rate at 2.00% on Thursday, as expected, and said "
        "inflation was on track to stay near its 2% target. ECB policymakers gave no signal about their next move, saying "
        "decisions would be taken meeting by meeting based on incoming data.",
        "ECB fines Portugal's Banco Atlântico 4.2 million euros over capital reporting",
        "FRANKFURT (Reuters) - The European Central Bank fined Portuguese lender Banco Atlântico 4.2 million euros for "
        "misreporting its capital requirements over several years, the ECB said on Thursday. The bank said it had already "
        "corrected the reporting errors and would not appeal.",
        3,
    ),
    # 37 -- two IPOs on the same day
    (
        "Brisa Health prices IPO at $21 per share, top of range",
        "(Reuters) - Healthcare software company Brisa Health priced its initial public offering at $21 per share, the top of "
        "its marketed range, raising $630 million, the company said on Thursday. The shares are expected to begin trading on the "
        "New York Stock Exchange on Friday under the ticker \"BRSA\".",
        "Copperline Software shares jump 38% in Nasdaq debut",
        "(Reuters) - Shares of Copperline Software jumped 38% in their Nasdaq debut on Thursday, valuing the cybersecurity "
        "company at about $7.4 billion. The stock opened at $31.70, compared with the initial public offering price of $23. "
        "Copperline raised $575 million in the IPO.",
        4,
    ),
    # 38 -- two shipping incidents
    (
        "Two vessels collide in Singapore Strait, no injuries reported",
        "SINGAPORE (Reuters) - An oil tanker and a bulk carrier collided in the Singapore Strait early on Monday, the Maritime "
        "and Port Authority of Singapore said. No injuries were reported, and a small oil sheen was being cleaned up. Traffic in "
        "the busy waterway was not affected.",
        "Fire breaks out on container ship off Sri Lanka, crew evacuated",
        "COLOMBO (Reuters) - A fire broke out on the Singapore-flagged container ship Orient Lumen off Sri Lanka's western coast "
        "on Monday, and all 25 crew members were evacuated, the Sri Lanka Navy said. Navy vessels were helping to fight the "
        "blaze. The cause of the fire was not immediately known.",
        7,
    ),
    # 39 -- same senator, two matters
    (
        "Senator Calder introduces bill targeting AI deepfakes of candidates",
        "WASHINGTON (AP) — Sen. Ruth Calder, D-Ore., introduced legislation Tuesday that would make it a federal crime to "
        "knowingly distribute AI-generated deepfakes of federal candidates within 60 days of an election. Calder said the bill "
        "had support from two Republican co-sponsors.",
        "Calder places hold on Air Force nominee over Portland fighter wing",
        "WASHINGTON (AP) — Sen. Ruth Calder, D-Ore., said Tuesday she is placing a hold on the nomination of Gregory Voss "
        "to be Air Force undersecretary, citing the service's plan to move a fighter wing out of Portland. A hold can delay a "
        "Senate confirmation vote for weeks.",
        5,
    ),
    # 40 -- two dinosaur discoveries
    (
        "Paleontologists in Argentina unveil giant new titanosaur species",
        "BUENOS AIRES (Reuters) - Paleontologists in Argentina have identified a new species of giant long-necked dinosaur from "
        "fossils found in Neuquén province in Patagonia, estimating it measured about 30 metres (98 feet) long. The "
        "titanosaur lived about 90 million years ago, the researchers said in a study published in Scientific Reports.",
        "New meat-eating dinosaur species discovered in Morocco",
        "(Reuters) - Scientists have identified a new species of meat-eating dinosaur from fossils found in Morocco's Kem Kem "
        "beds, a region rich in Cretaceous remains. The predator, an abelisaurid about 7 metres long, lived around 95 million "
        "years ago, according to a study published in the journal Cretaceous Research.",
        20,
    ),
]
