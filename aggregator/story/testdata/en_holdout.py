# -*- coding: utf-8 -*-
# English hold-out test data for a news near-duplicate ("same story") detector.
#
# Written on 2026-12-07 by a helper session given only a written brief, without
# sight of the detector, its code, its other test data or its scores.
# All events below are invented (companies, people and some places are invented
# or real-sounding; the events themselves are fictional).
#
# EN_SAME3:  list of tuples (title_a, body_a, title_b, body_b)
#            -- one news event told by two independent English outlets.
# EN_FLASH3: list of tuples (flash_title, flash_body, k)
#            -- a one-line wire flash for the event EN_SAME3[k].
# EN_TOPIC3: list of tuples (title_a, body_a, title_b, body_b, hours_apart)
#            -- hard negatives: two DIFFERENT stories sharing a company, person,
#               place, topic or kind of event.

EN_SAME3 = [
    # 0 -- company earnings
    (
        "Kestrel Logistics profit beats forecasts as parcel volumes climb",
        "LONDON (Reuters) - Kestrel Logistics reported a 14% rise in third-quarter operating profit on Tuesday, "
        "beating analyst expectations as e-commerce parcel volumes recovered across its European network. "
        "The British delivery group said operating profit reached £212 million, against a company-compiled "
        "consensus of £196 million, on revenue up 6% at £1.87 billion. Shares in Kestrel rose 7% in early "
        "trading, the biggest gainer on the FTSE 250.",
        "Kestrel shares jump after strong quarter at delivery firm",
        "<p>Shares in Kestrel Logistics jumped 7 per cent on Tuesday after the courier reported "
        "better-than-expected results for the three months to September.</p>"
        "<p>Operating profit rose 14 per cent to £212m, ahead of the £196m analysts had pencilled in, while "
        "revenue climbed 6 per cent to £1.87bn. Chief executive Fiona Tallis said parcel volumes had "
        "&#8220;turned a corner&#8221; after a weak first half.</p>",
    ),
    # 1 -- deal
    (
        "Brightwater Pharma to buy Osprey Bio for $4.3 billion",
        "NEW YORK (Reuters) - Brightwater Pharmaceuticals Inc said on Monday it would acquire cancer drug "
        "developer Osprey Bio for $4.3 billion in cash, adding a late-stage lung cancer therapy to its "
        "pipeline. Brightwater will pay $38 per share, a premium of 62% to Osprey's closing price on Friday. "
        "The deal, approved by both boards, is expected to close in the first quarter of next year.",
        "Brightwater agrees $4.3bn takeover of cancer biotech Osprey",
        "Brightwater Pharmaceuticals has agreed to pay $4.3bn for Osprey Bio, betting on the smaller "
        "company's experimental treatment for non-small cell lung cancer. The offer of $38 a share is 62 per "
        "cent above Osprey's last close. Osprey shares soared in premarket trading in New York. Brightwater "
        "said it expected the acquisition to complete early next year, subject to regulatory approval and a vote "
        "by Osprey shareholders. The lung cancer drug, known as OSP-210, is in a late-stage trial whose results "
        "are due next summer, and analysts estimate it could eventually generate annual sales of more than $2bn "
        "if approved.",
    ),
    # 2 -- layoffs
    (
        "Quillon Software to cut 1,800 jobs in restructuring",
        "SAN FRANCISCO (Reuters) - Quillon Software Inc will eliminate about 1,800 jobs, or roughly 9% of its "
        "workforce, as the business software maker shifts investment toward artificial intelligence products, "
        "it said in a regulatory filing on Wednesday. The company expects to record charges of $140 million to "
        "$160 million, mostly in the fourth quarter, related to severance and office closures.",
        "Quillon lays off nearly a tenth of staff as it pivots to AI",
        "Business software company Quillon is laying off about 1,800 employees, close to 9 percent of its "
        "staff, according to a filing with the Securities and Exchange Commission. The company said it would "
        "take restructuring charges of between $140 million and $160 million. In a memo to staff, chief "
        "executive Marcus Olin said the cuts were &quot;painful but necessary&quot; to fund AI development.",
    ),
    # 3 -- product launch
    (
        "Tessaro unveils $28,000 electric hatchback to take on Chinese rivals",
        "TURIN, Italy (AP) \u2014 Italian carmaker Tessaro Motors on Thursday unveiled a compact electric "
        "hatchback priced from $28,000, its cheapest battery-powered car yet, as European manufacturers "
        "scramble to compete with low-cost Chinese imports. The Tessaro Lupa has a range of 410 kilometers "
        "(255 miles) on a single charge and will go on sale in Europe in March. Production will take place at "
        "the company's plant in Melfi, in southern Italy.",
        "Italy's Tessaro reveals low-cost Lupa in bid for mass-market EV buyers",
        "Tessaro Motors has revealed the Lupa, a small battery-electric car with a starting price of about "
        "$28,000 and a claimed range of 410km. The Turin-based manufacturer will build the model in Melfi and "
        "begin European deliveries in March. Analysts said the price would put the Lupa close to budget models "
        "from Chinese brands that have been gaining market share across Europe.",
    ),
    # 4 -- executive change (no number in headlines)
    (
        "Granite Peak Bank finance chief resigns abruptly",
        "DENVER (Reuters) - Granite Peak Bancorp said on Friday its chief financial officer, Laura Whitcombe, "
        "had resigned with immediate effect to pursue other opportunities, less than two years after joining "
        "the regional lender. The bank named treasurer Daniel Osei as interim CFO while it searches for a "
        "permanent replacement. Granite Peak said the departure was not related to any disagreement over its "
        "financial reporting. Its shares fell 3.2% in after-hours trading.",
        "CFO Whitcombe quits Denver lender; treasurer steps in",
        "<p>Laura Whitcombe has stepped down as chief financial officer of Granite Peak Bancorp, effective "
        "immediately, the Colorado-based bank disclosed in a filing late Friday.</p>"
        "<p>Treasurer Daniel Osei will serve as interim finance chief. The bank stressed the exit did not stem "
        "from any dispute about accounting matters. Shares slipped about 3 percent in extended trading.</p>",
    ),
    # 5 -- central bank
    (
        "Australia's central bank raises rates to 4.6% as inflation lingers",
        "SYDNEY (Reuters) - The Reserve Bank of Australia raised its cash rate by 25 basis points to 4.60% on "
        "Tuesday, surprising some economists who had expected a pause, and warned that underlying inflation "
        "was proving stickier than forecast. The board said trimmed mean inflation of 3.4% in the September "
        "quarter was too high and that further tightening could not be ruled out. The Australian dollar rose "
        "0.6% to 66.8 U.S. cents.",
        "RBA hikes by a quarter point, keeps door open to more",
        "The Reserve Bank of Australia has lifted the official cash rate to 4.6 per cent, a 0.25 percentage "
        "point increase, citing persistent inflation. In a statement after its meeting, the board said core "
        "inflation of 3.4 per cent in the September quarter remained well above its 2 to 3 per cent target "
        "band. The Aussie dollar climbed to 66.8 US cents after the decision.",
    ),
    # 6 -- economic data
    (
        "German industrial output falls 1.4% in September",
        "BERLIN (Reuters) - German industrial production fell by 1.4% in September compared with the previous "
        "month, the federal statistics office said on Friday, a steeper decline than the 0.5% drop forecast by "
        "economists polled by Reuters. Output in the energy-intensive chemicals sector slumped 3.8%, while car "
        "production declined 2.1%. The data add to fears that Europe's largest economy will contract in the "
        "fourth quarter.",
        "Germany's factories suffer sharper-than-expected slide",
        "Production at German factories dropped 1.4 percent month-on-month in September, Destatis reported, "
        "far worse than the 0.5 percent fall analysts had predicted. Chemicals output plunged 3.8 percent and "
        "automotive production shrank 2.1 percent. &#8220;There is simply no sign of a turnaround,&#8221; said "
        "Katrin Vogt, an economist at Hamburg-based Hanse Bank.",
    ),
    # 7 -- economic data (no number in headlines)
    (
        "UK retail sales unexpectedly slump as shoppers rein in spending",
        "LONDON (Reuters) - British retail sales volumes fell by 1.1% in October, official data showed on "
        "Friday, confounding economists' forecasts of a 0.3% rise as households cut back ahead of the "
        "government's budget. The Office for National Statistics said clothing retailers and department stores "
        "reported particularly weak trading. Sales had risen 0.4% in September.",
        "Shoppers tighten belts as high street takings drop sharply",
        "<p>Sales at British shops fell 1.1 per cent last month, according to the ONS, in a blow to retailers "
        "heading into the crucial Christmas season.</p>"
        "<p>Economists had expected a modest 0.3 per cent increase. Clothing shops and department stores fared "
        "worst, the statistics body said, with many consumers holding back until after the budget. In "
        "September, sales volumes had grown 0.4 per cent.</p>",
    ),
    # 8 -- politics (no number in headlines)
    (
        "Finnish prime minister calls snap election after coalition collapses",
        "HELSINKI (Reuters) - Finnish Prime Minister Aino Haverinen on Wednesday called an early parliamentary "
        "election for March after the Centre Party quit her four-party coalition in a dispute over forestry "
        "policy, leaving the government without a majority. Haverinen said she would ask the president to "
        "dissolve parliament, calling it &quot;the only responsible way forward&quot;. The Centre Party had threatened for weeks to "
        "leave over proposed limits on clear-cutting in state forests, pushed by the Greens, and the "
        "final talks on a compromise broke down late on Tuesday night. Opinion polls show the opposition Social "
        "Democrats leading with about 24% support, ahead of Haverinen's National Coalition Party on 19%.",
        "Finland heads to early polls as government loses majority",
        "Finland will hold an early general election in March after Prime Minister Aino Haverinen's coalition "
        "fell apart. The Centre Party walked out of the government on Wednesday over plans to tighten logging "
        "rules, stripping the coalition of its majority in the 200-seat Eduskunta. Haverinen told reporters in "
        "Helsinki she would seek the dissolution of parliament from the president.",
    ),
    # 9 -- politics (no number in headlines)
    (
        "Nova Scotia premier resigns over expenses scandal",
        "HALIFAX (CP) \u2014 Nova Scotia Premier Douglas Farrow announced his resignation Thursday, days after "
        "an auditor general's report found he had billed taxpayers for personal travel. Farrow, who has led the "
        "province since 2021, told reporters at Province House he had &#8220;fallen short&#8221; of the "
        "standards Nova Scotians expect. He will stay on until the governing party chooses an interim leader.",
        "Farrow quits as premier after watchdog flags travel claims",
        "Douglas Farrow is stepping down as premier of Nova Scotia following a damning audit of his travel "
        "expenses. The provincial auditor general found earlier this week that Farrow had charged the public "
        "purse for several personal trips. 'I have fallen short,' Farrow said at a news conference in Halifax "
        "on Thursday. He will remain in office until his party picks an interim leader.",
    ),
    # 10 -- courts (no number in headlines)
    (
        "Judge blocks Idaho law requiring age checks for social media",
        "BOISE, Idaho (AP) \u2014 A federal judge on Tuesday temporarily blocked an Idaho law that would have "
        "required social media platforms to verify the ages of users and obtain parental consent for minors, "
        "finding it likely violates the First Amendment. U.S. District Judge Helen Marsh granted a preliminary "
        "injunction sought by NetChoice, a tech industry group. The law had been due to take effect on Jan. 1. The Idaho attorney general's office said it would appeal to "
        "the 9th U.S. Circuit Court of Appeals, saying that the state has a compelling interest in protecting "
        "children from harmful online content and that the age checks place a modest burden on adults.",
        "Court halts teen online-safety statute on free speech grounds",
        "<p>Idaho&#8217;s new rules forcing social media companies to check users&#8217; ages have been put on "
        "hold by a federal court.</p>"
        "<p>Judge Helen Marsh ruled that the tech trade association NetChoice was likely to succeed in its "
        "argument that the statute infringes free-speech protections, and issued a preliminary injunction. The "
        "measure, which would also have required parental consent for under-18s, was set to come into force "
        "on January 1.</p>",
    ),
    # 11 -- courts / crime
    (
        "Former Lumenex CEO sentenced to 12 years for crypto fraud",
        "NEW YORK (Reuters) - The founder and former chief executive of collapsed cryptocurrency exchange "
        "Lumenex, Adrian Kovac, was sentenced to 12 years in prison on Thursday for defrauding customers of "
        "about $1.1 billion. U.S. District Judge Robert Lasky in Manhattan also ordered Kovac, 38, to forfeit "
        "$640 million. Prosecutors had sought 20 years; his lawyers had asked for five.",
        "Lumenex founder Kovac gets 12-year prison term",
        "Adrian Kovac, who founded the failed crypto platform Lumenex, has been jailed for 12 years after a "
        "jury convicted him of stealing customer funds. Judge Robert Lasky said the $1.1bn fraud had devastated "
        "thousands of ordinary investors. Kovac was also ordered to forfeit $640m. Prosecutors had asked for a "
        "20-year sentence.",
    ),
    # 12 -- disaster
    (
        "Flash floods kill nine in southeastern Spain",
        "MADRID (Reuters) - Flash floods triggered by torrential rain killed at least nine people in the "
        "southeastern Spanish region of Murcia on Sunday, emergency services said, with several others still "
        "missing. Some areas received more than 200 litres of rain per square metre in under six hours, "
        "according to state weather agency AEMET. Rescuers used helicopters to pluck residents from rooftops in "
        "the town of Lorca.",
        "Murcia deluge leaves at least 9 dead as rivers burst banks",
        "<p>At least nine people have died after torrential downpours caused flash flooding across Murcia in "
        "south-east Spain.</p>"
        "<p>Spain&#8217;s Aemet weather service said parts of the region had recorded over 200mm of rain in "
        "less than six hours. Helicopters were deployed to rescue people stranded on roofs in Lorca, and "
        "regional officials said a number of people remained unaccounted for.</p>",
    ),
    # 13 -- wildfire
    (
        "Wildfire on Greek island of Evia forces evacuation of 4,000",
        "ATHENS (Reuters) - A wildfire fanned by strong winds tore through pine forests on the Greek island of "
        "Evia on Saturday, forcing authorities to evacuate around 4,000 people from eight villages, the fire "
        "brigade said. More than 250 firefighters backed by 14 aircraft were battling the blaze. No casualties "
        "had been reported.",
        "Thousands flee as blaze rages on Evia",
        "About 4,000 residents and tourists were ordered out of their homes on Evia, Greece's second-largest "
        "island, as a forest fire spread rapidly in gale-force winds. The Hellenic Fire Service said 250 "
        "firefighters and 14 water-dropping planes and helicopters were deployed. There were no immediate "
        "reports of injuries.",
    ),
    # 14 -- disaster (no number in headlines)
    (
        "Landslide sweeps bus off highway in Nepal, dozens feared dead",
        "KATHMANDU (AP) \u2014 A landslide triggered by heavy monsoon rain swept a passenger bus off a mountain "
        "highway and into a swollen river in central Nepal early Friday, officials said. At least 27 people "
        "were believed to have been on board. Police official Ramesh Thapa said rescuers had recovered seven "
        "bodies from the Trishuli River and were searching for the others.",
        "Nepal bus plunges into Trishuli river after hillside collapses",
        "Rescue teams in Nepal are searching the Trishuli river after a bus carrying 27 passengers was hit by "
        "a landslide and knocked into the water. Seven bodies have been recovered so far, police said. The "
        "accident happened before dawn on Friday on the highway linking Kathmandu with the tourist city of "
        "Pokhara, which has been battered by days of heavy rain.",
    ),
    # 15 -- earthquake
    (
        "Magnitude 6.2 earthquake strikes eastern Turkey",
        "ANKARA (Reuters) - A magnitude 6.2 earthquake struck Turkey's eastern province of Elazig on Monday, "
        "damaging buildings and killing at least four people, the country's disaster management agency AFAD "
        "said. The quake hit at a depth of 10 km (6 miles) at 2:14 p.m. local time and was felt in neighbouring "
        "provinces. AFAD said 38 people were injured.",
        "Deadly tremor jolts Elazig, toppling old buildings",
        "At least four people were killed and 38 injured when a 6.2-magnitude quake rocked Elazig province in "
        "eastern Turkey on Monday afternoon. AFAD, Turkey's emergency agency, said the tremor was shallow, at "
        "about 10km deep. Several older buildings collapsed in the city centre and residents spent hours "
        "outside in the cold.",
    ),
    # 16 -- sport
    (
        "Celtic beat Rangers 3-1 to go five points clear",
        "GLASGOW (Reuters) - Celtic beat Rangers 3-1 in the Old Firm derby at Celtic Park on Sunday to move "
        "five points clear at the top of the Scottish Premiership. Forward Liam Docherty scored twice and "
        "substitute Jonas Ekberg added a late third after Rangers captain Sam Adeyemi had equalised early in "
        "the second half.",
        "Docherty double sinks Gers in Old Firm derby",
        "<p>Liam Docherty scored twice as Celtic saw off Rangers 3-1 at Parkhead to open up a five-point lead "
        "in the Premiership.</p>"
        "<p>Docherty headed the hosts in front before the break, but Sam Adeyemi levelled for the visitors "
        "soon after the restart. Docherty restored the lead with a curling shot and Jonas Ekberg sealed it in "
        "stoppage time.</p>",
    ),
    # 17 -- sport
    (
        "Kenya's Kiprotich smashes marathon world record in Berlin",
        "BERLIN (Reuters) - Kenya's Daniel Kiprotich broke the men's marathon world record on Sunday, winning "
        "the Berlin Marathon in 2 hours, 0 minutes and 29 seconds. The 24-year-old ran alone for the final 12 "
        "kilometres on a cool, still morning and crossed the line 31 seconds inside the previous best. "
        "Ethiopia's Tadesse Worku was second in 2:02:51.",
        "New men's best as Kiprotich clocks 2:00:29 on German streets",
        "Daniel Kiprotich has set a new men's marathon world record of 2:00:29 in Berlin. The 24-year-old "
        "Kenyan pulled away from the pacemakers after 30km and finished more than two minutes ahead of "
        "Ethiopian Tadesse Worku. His time lowers the previous mark by 31 seconds.",
    ),
    # 18 -- space (no number in headlines)
    (
        "Orbiton rocket explodes shortly after liftoff in New Zealand",
        "WELLINGTON (Reuters) - A rocket operated by startup Orbiton Launch exploded about a minute after "
        "lifting off from New Zealand's Mahia Peninsula on Wednesday, destroying two small Earth-observation "
        "satellites on board, the company said. No one was injured. Orbiton said it was working with the Civil "
        "Aviation Authority to determine the cause of the failure, the first in the company's history.",
        "Launch failure: Orbiton loses payload as booster blows up over Mahia",
        "Orbiton Launch's latest mission ended in failure on Wednesday when its rocket disintegrated roughly "
        "60 seconds into flight over the Mahia Peninsula. Two satellites belonging to an Australian customer "
        "were lost. The company, which had flown successfully on all its previous missions, said there were no "
        "injuries and an investigation was under way with aviation regulators.",
    ),
    # 19 -- health (no number in headlines)
    (
        "EU regulator backs Veltrona's Alzheimer's drug",
        "AMSTERDAM (Reuters) - The European Medicines Agency's human medicines committee on Friday recommended "
        "approval of Veltrona Therapeutics' Alzheimer's treatment neravimab for patients in the early stages of "
        "the disease. The recommendation, which the European Commission usually follows within about two "
        "months, comes with restrictions for patients at higher risk of brain swelling. Veltrona shares rose "
        "11% in Copenhagen.",
        "Neravimab wins positive opinion from European medicines watchdog",
        "<p>Europe&#8217;s drug regulator has given a positive opinion to neravimab, Veltrona "
        "Therapeutics&#8217; antibody for early Alzheimer&#8217;s disease, paving the way for the first "
        "approval of the drug in the EU.</p>"
        "<p>The EMA&#8217;s CHMP said use should be restricted in patients with a higher genetic risk of brain "
        "swelling and bleeding. A final decision from the European Commission is expected in around two "
        "months. Veltrona stock jumped 11%.</p>",
    ),
    # 20 -- health / science
    (
        "Walking 7,000 steps a day linked to 30% lower dementia risk",
        "People who walked around 7,000 steps a day had a 30% lower risk of developing dementia over a decade "
        "than those who walked fewer than 3,000, according to a study of 82,000 adults published on Tuesday "
        "in the journal Neurology Today. Researchers at the University of Leeds said the benefits levelled off "
        "above about 9,000 steps.",
        "Daily walk may help keep dementia at bay, large study finds",
        "LONDON (PA) - A brisk daily walk could cut the risk of dementia by almost a third, scientists say. The "
        "University of Leeds team tracked more than 82,000 adults for ten years using wrist-worn activity "
        "monitors. Those averaging about 7,000 steps a day were 30 per cent less likely to be diagnosed with "
        "dementia than people who managed under 3,000 steps. Little extra benefit was seen beyond 9,000 steps.",
    ),
    # 21 -- tech outage (no number in headlines)
    (
        "Nimbix cloud outage knocks major websites offline",
        "SEATTLE (Reuters) - A widespread outage at cloud computing provider Nimbix disrupted hundreds of "
        "websites and apps on Monday, including online retailers, airlines' booking systems and streaming "
        "services, before service was largely restored about four hours later. Nimbix said the problem stemmed "
        "from a faulty configuration change in its US-East data center region that cascaded into its networking "
        "and database services. Customers complained on social media that Nimbix's own status page showed all "
        "systems operating normally for more than an hour after the disruption began. The company said it would "
        "publish a full account of the incident within a week and review how changes are rolled out.",
        "Popular apps go dark as cloud giant suffers hours-long failure",
        "<p>Services ranging from streaming platforms to airline check-in systems stopped working for several "
        "hours on Monday after Nimbix, one of the largest cloud infrastructure companies, suffered a major "
        "failure.</p>"
        "<p>The company blamed a botched configuration update in its US-East region. It said most systems were "
        "back online by the afternoon, around four hours after problems began. Outage tracker DownDetector "
        "logged more than 40,000 reports at the peak.</p>",
    ),
    # 22 -- tech outage (no number in headlines)
    (
        "Harbourside Bank customers locked out of accounts in app failure",
        "Customers of Harbourside Bank were unable to log in to its mobile app or online banking for most of "
        "Friday, with many reporting that card payments were also being declined in shops. The bank apologised "
        "and said the problem had been caused by an internal technical issue, not a cyber attack. Services were "
        "restored shortly after 6pm.",
        "Harbourside apologises after crash leaves shoppers stranded at tills",
        "LONDON (Reuters) - British lender Harbourside Bank said on Friday it had fixed a technical fault that "
        "left customers unable to access its app and online banking for several hours and caused some debit "
        "card transactions to fail. The bank said there was no evidence of a cyber attack and that customers "
        "who incurred charges would be compensated. Services were back by early evening.",
    ),
    # 23 -- strike
    (
        "French air traffic strike forces cancellation of 1,200 flights",
        "PARIS (Reuters) - Airlines cancelled about 1,200 flights to and from France on Thursday as air traffic "
        "controllers staged a 24-hour strike over staffing and pay, the civil aviation authority DGAC said. The "
        "DGAC had asked carriers to cut a third of their schedules at Paris Charles de Gaulle and Orly and half "
        "at Marseille and Nice. Ryanair said overflights of French airspace were also affected.",
        "Controllers' walkout grounds planes across France",
        "Travellers faced a day of disruption on Thursday as a strike by French air traffic controllers led to "
        "around 1,200 flight cancellations. Regulator DGAC told airlines to reduce services by 33% at the main "
        "Paris airports and by 50% in Marseille and Nice. The controllers' union is protesting against staff "
        "shortages and a proposed pay deal.",
    ),
    # 24 -- strike (no number in headlines)
    (
        "Workers walk off the job at Ferrand auto plant in Ontario",
        "OAKVILLE, Ontario (Reuters) - About 3,100 workers at Ferrand Motor Co's assembly plant in Oakville, "
        "Ontario, went on strike early on Monday after contract talks between the carmaker and the Unifor "
        "union broke down over pensions and job security. The plant builds Ferrand's Voyager minivan. Unifor "
        "said no new talks were scheduled.",
        "Unifor strike halts minivan production at Oakville factory",
        "Production of the Ferrand Voyager has come to a standstill after Unifor members at the company's "
        "Oakville assembly plant walked out at midnight. The union, which represents 3,100 workers there, said "
        "Ferrand had refused to budge on retirement benefits and guarantees for future investment at the site. "
        "Negotiations have broken off with no date set for their resumption.",
    ),
    # 25 -- crime (no number in headlines)
    (
        "Thieves steal Flemish masterpieces in Antwerp museum raid",
        "BRUSSELS (Reuters) - Thieves broke into a museum in Antwerp overnight and stole three 17th-century "
        "paintings, including a portrait attributed to Anthony van Dyck, Belgian police said on Tuesday. The "
        "intruders entered through a skylight at the Museum Van Hoecke and escaped before security guards "
        "arrived. The works are estimated to be worth more than 10 million euros.",
        "Van Dyck portrait among paintings taken in overnight art heist",
        "Police in Belgium are hunting a gang who stole three Old Master paintings, among them a portrait "
        "thought to be by Van Dyck, from the Museum Van Hoecke in Antwerp. The thieves got in through a roof "
        "skylight in the early hours and fled before guards could reach the gallery. The stolen pictures are "
        "valued at over \u20ac10m.",
    ),
    # 26 -- crime
    (
        "Police arrest suspect after shooting at Denver mall kills 3",
        "DENVER (AP) \u2014 Police arrested a 22-year-old man Saturday after a shooting at a crowded shopping "
        "mall in Denver left three people dead and four wounded, authorities said. Police spokesperson Karen "
        "Ortiz said officers tackled the suspect in a parking garage about 20 minutes after the first 911 "
        "calls. The motive was not immediately known.",
        "Gunman detained after three killed at Cherry Creek shopping centre",
        "A man has been arrested after three people were shot dead and four others injured at the Cherry Creek "
        "shopping centre in Denver, Colorado. Police said the 22-year-old suspect was detained in a car park "
        "about 20 minutes after reports of gunfire on Saturday afternoon. Investigators have not disclosed a "
        "motive.",
    ),
    # 27 -- product recall
    (
        "Hollis recalls 600,000 air fryers over fire risk",
        "WASHINGTON (Reuters) - Hollis Appliances is recalling about 600,000 air fryers sold in the United "
        "States and Canada because they can overheat and catch fire, the U.S. Consumer Product Safety "
        "Commission said on Thursday. The company has received 112 reports of units overheating, including 19 "
        "fires and four minor burn injuries. The fryers were sold at major retailers between January and "
        "August for about $90.",
        "Overheating danger prompts pullback of Hollis kitchen gadgets",
        "<p>Some 600,000 Hollis air fryers are being recalled after reports that the devices can overheat, melt "
        "and ignite.</p>"
        "<p>The CPSC said Hollis had received 112 complaints, including 19 reports of fires and four of minor "
        "burns. Owners should stop using the fryers immediately and contact the company for a free "
        "replacement.</p>",
    ),
    # 28 -- antitrust fine
    (
        "EU fines Corvane 1.1 billion euros for abusing chip market dominance",
        "BRUSSELS (Reuters) - The European Commission fined U.S. chipmaker Corvane Inc 1.1 billion euros "
        "($1.19 billion) on Wednesday for using exclusivity rebates between 2017 and 2023 to squeeze rivals out "
        "of the market for networking processors. The company said it would appeal.",
        "Brussels hits Corvane with \u20ac1.1bn antitrust penalty",
        "Corvane has been handed a \u20ac1.1bn fine by the European Commission, which found that the American "
        "semiconductor group paid customers to avoid buying competitors' networking chips. EU competition "
        "officials said the practice ran for nearly six years. Corvane said it disagreed with the decision and "
        "would challenge it in court.",
    ),
    # 29 -- politics / legislation (no number in headlines)
    (
        "Senate passes rail safety bill after string of derailments",
        "WASHINGTON (Reuters) - The U.S. Senate on Tuesday voted 68-31 to pass a bipartisan bill that would "
        "require freight railroads to install more trackside sensors and run trains with at least two-person "
        "crews, sending the measure to the House of Representatives. The legislation follows several "
        "high-profile derailments involving hazardous materials.",
        "Freight railroad crew and sensor measure clears upper chamber",
        "<p>Legislation to tighten safety rules for freight trains won Senate approval on Tuesday by a vote of "
        "68 to 31.</p>"
        "<p>The bill would mandate minimum two-person crews and additional wayside detectors to spot "
        "overheating wheel bearings. It now goes to the House, where its prospects are less certain.</p>",
    ),
    # 30 -- executive change (no number in headlines)
    (
        "Pembrook &amp; Vane chief executive steps down after sales slump",
        "LONDON (Reuters) - Pembrook &amp; Vane, the British department store chain, said on Monday its chief "
        "executive Charlotte Rix would step down at the end of January after a run of weak trading updates. "
        "Chairman Alan Dewar will act as executive chairman while the board searches for a successor. Shares "
        "rose 4% in morning trade.",
        "Rix to leave top job at struggling department store group",
        "Charlotte Rix is to quit as boss of Pembrook & Vane, the retailer announced, following months of "
        "falling sales and pressure from investors. She will leave at the end of January, with chairman Alan "
        "Dewar taking on an executive role in the interim. Investors welcomed the news, sending shares up about "
        "4 per cent.",
    ),
    # 31 -- economic data
    (
        "Canada adds 48,000 jobs in November, jobless rate dips to 6.6%",
        "OTTAWA (Reuters) - Canada's economy added 48,000 jobs in November, well above analyst forecasts of "
        "15,000, and the unemployment rate edged down to 6.6% from 6.8%, Statistics Canada said on Friday. "
        "Gains were led by health care and construction. The Canadian dollar strengthened after the data.",
        "Canadian hiring beats expectations as unemployment eases",
        "Employers in Canada created far more jobs than expected last month, according to Statistics Canada. "
        "Employment rose by 48,000 in November, more than triple the 15,000 economists had predicted, while "
        "the jobless rate fell two-tenths of a percentage point to 6.6 per cent. The loonie firmed against the "
        "U.S. dollar on the report.",
    ),
]


EN_FLASH3 = [
    (
        "BRIGHTWATER PHARMA TO ACQUIRE OSPREY BIO FOR $38/SHR IN CASH",
        "Brightwater Pharmaceuticals agrees to buy Osprey Bio in all-cash deal valued at $4.3 billion.",
        1,
    ),
    (
        "RBA RAISES CASH RATE 25 BPS TO 4.60%",
        "Reserve Bank of Australia lifts cash rate to 4.60% from 4.35%, says further tightening cannot be ruled out.",
        5,
    ),
    (
        "BREAKING: Ex-Lumenex boss Kovac jailed for 12 years",
        "Former Lumenex CEO Adrian Kovac sentenced to 12 years in prison by Manhattan federal judge over $1.1 billion crypto fraud.",
        11,
    ),
    (
        "BREAKING: At least nine dead in flash floods in Spain's Murcia",
        "Emergency services say at least nine people killed in flash floods in Murcia region, several missing.",
        12,
    ),
    (
        "QUAKE - Magnitude 6.2 earthquake hits eastern Turkey's Elazig province - AFAD",
        "Turkey's AFAD says magnitude 6.2 quake struck Elazig at depth of 10 km; at least four dead.",
        15,
    ),
    (
        "FT: Celtic 3 Rangers 1",
        "Celtic beat Rangers 3-1 at Celtic Park, Docherty scores twice; Celtic go five points clear in Scottish Premiership.",
        16,
    ),
    (
        "BREAKING: Orbiton rocket fails shortly after launch from New Zealand",
        "Orbiton Launch says its rocket was lost about a minute after liftoff from Mahia Peninsula; no injuries.",
        18,
    ),
    (
        "NIMBIX SAYS INVESTIGATING WIDESPREAD OUTAGE IN US-EAST REGION",
        "Cloud provider Nimbix says it is investigating an outage affecting multiple services in its US-East region.",
        21,
    ),
    (
        "BREAKING: Three killed in shooting at Denver mall, suspect in custody - police",
        "Denver police say three people killed and four wounded in shooting at shopping mall; 22-year-old man arrested.",
        26,
    ),
    (
        "EU FINES CORVANE 1.1 BLN EUROS IN ANTITRUST CASE",
        "European Commission fines U.S. chipmaker Corvane 1.1 billion euros for abusing dominance in networking processors.",
        28,
    ),
]


EN_TOPIC3 = [
    # 1 -- same company, two unrelated announcements on one day
    (
        "Aldermoor to sell Polish building materials unit for 300 million euros",
        "LONDON (Reuters) - British industrial group Aldermoor Group said on Wednesday it had agreed to sell "
        "its Polish building materials business to private equity firm Vistula Partners for 300 million euros "
        "($324 million), as it narrows its focus to engineering services. The sale is expected to complete in "
        "the second quarter. Aldermoor shares were up 2.1% by 0900 GMT.",
        "Aldermoor says hackers accessed employee data in cyber incident",
        "LONDON (Reuters) - Aldermoor Group said on Wednesday that hackers had gained access to personal data "
        "of some current and former employees in the UK, including names, addresses and national insurance "
        "numbers. The industrial group said it had contained the incident, informed the Information "
        "Commissioner's Office and found no evidence that customer data had been affected. Aldermoor shares "
        "were down 0.8% in afternoon trading.",
        6,
    ),
    # 2 -- two different central banks, same day
    (
        "Norway's central bank holds rates at 4.5%, signals cut next year",
        "OSLO (Reuters) - Norway's central bank kept its benchmark policy rate unchanged at 4.50% on Thursday, "
        "as expected by all 14 economists polled by Reuters, and said it would likely start lowering borrowing "
        "costs in the first half of next year. Norges Bank said inflation had come down but remained above its "
        "2% target. The Norwegian crown weakened slightly against the euro after the decision.",
        "Sweden's Riksbank cuts key rate to 2.25%, sees more easing",
        "STOCKHOLM (Reuters) - Sweden's central bank cut its benchmark interest rate by 25 basis points to "
        "2.25% on Thursday, as expected by most economists polled by Reuters, and said the policy rate could be "
        "lowered again in the first half of next year. The Riksbank said inflation was close to its 2% target "
        "and the economy remained weak. The Swedish crown weakened slightly against the euro after the "
        "decision.",
        3,
    ),
    # 3 -- two different earthquakes, USGS boilerplate
    (
        "Magnitude 5.9 earthquake strikes southern Peru - USGS",
        "(Reuters) - An earthquake of magnitude 5.9 struck southern Peru on Tuesday, the United States "
        "Geological Survey (USGS) said. The quake was at a depth of 35 km (22 miles), USGS said, with its "
        "epicentre about 60 km northwest of the city of Arequipa. There were no immediate reports of damage or "
        "casualties.",
        "Magnitude 6.1 earthquake strikes Papua New Guinea - USGS",
        "(Reuters) - An earthquake of magnitude 6.1 struck the New Britain region of Papua New Guinea on "
        "Tuesday, the United States Geological Survey (USGS) said. The quake was at a depth of 48 km (30 "
        "miles), USGS said. No tsunami warning was issued and there were no immediate reports of damage or "
        "casualties.",
        9,
    ),
    # 4 -- two quakes in the same country, different regions
    (
        "Strong quake shakes northern Japan, no tsunami warning",
        "TOKYO (Reuters) - A strong earthquake with a preliminary magnitude of 5.8 struck off the coast of "
        "Hokkaido in northern Japan on Friday morning, the Japan Meteorological Agency said. No tsunami warning "
        "was issued. Hokkaido Electric Power said there were no abnormalities at its Tomari nuclear plant, and "
        "there were no immediate reports of injuries.",
        "Earthquake jolts southern Japan's Kyushu, bullet trains halted",
        "TOKYO (Reuters) - An earthquake with a preliminary magnitude of 5.6 struck Kagoshima prefecture on "
        "the southern Japanese island of Kyushu on Friday evening, the Japan Meteorological Agency said. No "
        "tsunami warning was issued. Kyushu Electric Power said there were no abnormalities at its Sendai "
        "nuclear plant, while bullet train services were briefly suspended for safety checks.",
        11,
    ),
    # 5 -- two matches in the same league on one afternoon
    (
        "Celtic ease past Hibernian to stay top of Premiership",
        "GLASGOW (Reuters) - Celtic beat Hibernian 3-0 at Celtic Park on Saturday to stay top of the Scottish "
        "Premiership. Kai Rennie scored twice in the first half and substitute Tomas Lind added a third in the "
        "84th minute as the champions extended their unbeaten home run to 19 matches.",
        "Rangers win at Tynecastle to keep pace with leaders",
        "EDINBURGH (Reuters) - Rangers beat Heart of Midlothian 2-0 at Tynecastle on Saturday to stay three "
        "points behind leaders Celtic in the Scottish Premiership. Kieran Moffat headed the visitors in front "
        "after 20 minutes and substitute Dario Hess added a second in stoppage time.",
        2,
    ),
    # 6 -- same club, men's and women's matches on one day
    (
        "Chelsea held to draw at Everton",
        "LIVERPOOL, England (Reuters) - Chelsea were held to a 1-1 draw at Everton in the Premier League on "
        "Sunday, missing the chance to climb into the top four. Marco Alves gave Chelsea the lead with a low "
        "shot in the 31st minute, but Everton equalised through a Jonah Pryce header midway through the second "
        "half.",
        "Chelsea beat Manchester City to go top of WSL",
        "LONDON (Reuters) - Chelsea beat Manchester City 2-1 in the Women's Super League at Kingsmeadow on "
        "Sunday to go top of the table. Norwegian striker Ingrid Solheim scored the winner in the 78th minute "
        "after City had cancelled out Chelsea's early opener.",
        4,
    ),
    # 7 -- two drug approvals by one regulator, same day
    (
        "FDA approves Calloway Bio's drug for rare liver disease",
        "(Reuters) - The U.S. Food and Drug Administration on Friday approved Calloway Biosciences' treatment "
        "for primary sclerosing cholangitis, a rare chronic liver disease with no approved therapies, the "
        "company said. The once-daily pill, to be sold as Hepravo, will be available in U.S. pharmacies within "
        "weeks. Calloway shares rose 9% in extended trading.",
        "FDA approves Tamsen Therapeutics' migraine nasal spray",
        "(Reuters) - The U.S. Food and Drug Administration on Friday approved Tamsen Therapeutics' nasal spray "
        "for the acute treatment of migraine in adults, the company said. The drug, to be sold as Zelmira, will "
        "be available in U.S. pharmacies early next year. Tamsen shares rose 6% in extended trading.",
        2,
    ),
    # 8 -- two EMA committee recommendations from the same meeting
    (
        "EU regulator recommends Harcourt's breast cancer drug",
        "AMSTERDAM (Reuters) - The European Medicines Agency's human medicines committee on Friday recommended "
        "approval of Harcourt Pharma's drug lirestrant for advanced hormone receptor-positive breast cancer. "
        "The European Commission typically follows the committee's recommendations within about two months. "
        "Harcourt shares rose 3% in London.",
        "EU regulator backs Solvik's leukaemia cell therapy",
        "AMSTERDAM (Reuters) - The European Medicines Agency's human medicines committee on Friday recommended "
        "conditional approval of Solvik Pharma's cell therapy for adults with relapsed acute lymphoblastic "
        "leukaemia. The European Commission typically follows the committee's recommendations within about two "
        "months. Solvik shares rose 5% in Oslo.",
        1,
    ),
    # 9 -- two strikes in different industries, same country and day
    (
        "French refinery workers strike over pay, halting fuel shipments",
        "PARIS (Reuters) - Workers at three of France's six oil refineries went on strike on Tuesday to demand "
        "higher wages, halting fuel shipments from the sites, the CGT union said. TotalEnergies said its Donges "
        "and Gonfreville refineries were affected but that it had sufficient stocks to supply service stations "
        "for now. The union said the walkout would last at least 48 hours.",
        "French teachers strike against job cuts, closing schools",
        "PARIS (Reuters) - Teachers across France went on strike on Tuesday against government plans to cut "
        "4,000 teaching posts next year, forcing many schools to close for the day, unions said. The education "
        "ministry said about 30% of primary school teachers had stopped work, while the SNUipp-FSU union put "
        "the figure at more than 50%. Thousands of teachers marched in Paris.",
        5,
    ),
    # 10 -- same politician, two different matters
    (
        "German finance minister unveils draft budget with record investment",
        "BERLIN (Reuters) - German Finance Minister Jonas Kessler on Wednesday presented a draft federal budget "
        "for next year with record investment of 92 billion euros ($99 billion), funded partly by new borrowing "
        "allowed under the reformed debt brake. Kessler said spending on rail, bridges and digital networks "
        "would rise sharply. The cabinet is expected to approve the draft next week before it goes to "
        "parliament.",
        "German finance minister rejects EU plan for joint defence debt",
        "BERLIN (Reuters) - German Finance Minister Jonas Kessler on Wednesday rejected proposals for the "
        "European Union to issue new joint debt to finance defence spending, saying member states should rely "
        "on national budgets and existing EU instruments. &quot;Common borrowing is not the answer,&quot; "
        "Kessler told reporters in Berlin ahead of a meeting of EU finance ministers in Brussels next week.",
        7,
    ),
    # 11 -- two fires in the same city
    (
        "Huge blaze rips through Trafford Park warehouse",
        "<p>More than 70 firefighters were called to a large fire at a warehouse on an industrial estate in "
        "Trafford Park, Manchester, on Monday night.</p>"
        "<p>Greater Manchester Fire and Rescue Service said 12 engines attended and that thick smoke could be "
        "seen across the city. Nearby residents were told to keep windows and doors closed.</p>"
        "<p>No injuries were reported and the cause of the fire is under investigation.</p>",
        "Two taken to hospital after fire at Moss Side flats",
        "<p>Two people were taken to hospital after a fire broke out at a block of flats in Moss Side, "
        "Manchester, in the early hours of Tuesday.</p>"
        "<p>Greater Manchester Fire and Rescue Service said four engines attended and residents of 20 flats "
        "were evacuated. The two casualties were treated for smoke inhalation.</p>"
        "<p>The cause of the fire is under investigation.</p>",
        8,
    ),
    # 12 -- two shootings in the same city
    (
        "1 dead, 3 wounded in shooting outside Houston nightclub",
        "HOUSTON (AP) \u2014 One man was killed and three other people were wounded early Sunday in a shooting "
        "outside a nightclub in Houston's Midtown district, police said. Officers responding to reports of "
        "gunfire around 2 a.m. found four people with gunshot wounds in a parking lot. No arrests had been "
        "made, and police said they were looking for a dark-colored sedan seen leaving the scene.",
        "Houston police investigate fatal shooting at gas station",
        "HOUSTON (AP) \u2014 A 34-year-old man was fatally shot at a gas station in southwest Houston on Sunday "
        "afternoon, police said. Investigators believe the shooting followed an argument between two men at a "
        "fuel pump. The suspect fled on foot and no arrests had been made, the Houston Police Department said "
        "in a statement.",
        10,
    ),
    # 13 -- same company: product launch and quarterly results
    (
        "Hanjin Electronics unveils thinner foldable phone",
        "SEOUL (Reuters) - Hanjin Electronics on Tuesday unveiled its latest foldable smartphone, the Fold Air, "
        "which it said was 20% thinner than its predecessor, as the South Korean company tries to revive demand "
        "in a market increasingly crowded by Chinese rivals. The phone will go on sale in South Korea next "
        "month priced at 2.2 million won ($1,580).",
        "Hanjin Electronics profit rises 18% on memory chip demand",
        "SEOUL (Reuters) - Hanjin Electronics reported an 18% rise in third-quarter operating profit on "
        "Tuesday, helped by strong demand for high-bandwidth memory chips used in artificial intelligence "
        "servers. Operating profit rose to 9.4 trillion won ($6.75 billion), slightly above analyst estimates. "
        "Hanjin shares rose 1.5% in Seoul.",
        5,
    ),
    # 14 -- same automaker, two different recalls
    (
        "Marenco recalls 120,000 SUVs over brake fluid leak",
        "WASHINGTON (Reuters) - Marenco Motors is recalling about 120,000 sport utility vehicles in the United "
        "States because brake fluid may leak from the master cylinder, reducing braking performance, the "
        "National Highway Traffic Safety Administration said on Thursday. The recall covers certain Marenco "
        "Ridgeway SUVs from the 2023 to 2025 model years. Dealers will replace the master cylinder free of "
        "charge.",
        "Marenco recalls 45,000 sedans as airbags may not deploy",
        "WASHINGTON (Reuters) - Marenco Motors is recalling about 45,000 sedans in the United States because "
        "the front passenger airbag may not deploy in a crash, the National Highway Traffic Safety "
        "Administration said on Thursday. The recall covers certain Marenco Solana sedans from the 2024 model "
        "year. Dealers will update the occupant classification software free of charge.",
        3,
    ),
    # 15 -- layoffs at two different tech companies
    (
        "Pixelforge to lay off 600 as video game sales slow",
        "SAN FRANCISCO (Reuters) - Video game publisher Pixelforge Inc said on Wednesday it would lay off about "
        "600 employees, or 12% of its workforce, and cancel two games in development after weaker-than-expected "
        "holiday sales. The company expects to record restructuring charges of about $45 million, mostly in the "
        "fourth quarter.",
        "Verdant Systems cuts 8% of staff in cost drive",
        "SAN FRANCISCO (Reuters) - Cloud software provider Verdant Systems Inc said on Wednesday it would cut "
        "about 8% of its workforce, or roughly 950 jobs, as it seeks to lower costs amid slowing growth in "
        "customer spending. The company said it expected to incur charges of $60 million to $70 million, "
        "primarily in the fourth quarter.",
        4,
    ),
    # 16 -- two outages at different companies
    (
        "Northbridge Bank customers hit by card payment outage",
        "LONDON (Reuters) - Customers of British lender Northbridge Bank were unable to make card payments or "
        "withdraw cash for several hours on Saturday due to a technical problem, the bank said, apologising for "
        "the disruption. Northbridge said the issue had been fixed by early afternoon and that it was not the "
        "result of a cyber attack.",
        "Orbit Mobile restores service after nationwide network outage",
        "LONDON (Reuters) - British mobile operator Orbit Mobile said on Saturday it had restored service after "
        "a nationwide outage left millions of customers unable to make calls or use mobile data for most of the "
        "morning. The company blamed a software fault in its core network and said there was no evidence of a "
        "cyber attack.",
        6,
    ),
    # 17 -- same company, two different court matters
    (
        "US appeals court upholds $210 million patent verdict against Zentrix",
        "(Reuters) - A U.S. appeals court on Monday upheld a $210 million jury verdict against social media "
        "company Zentrix Inc in a patent dispute with messaging technology firm Quorra Labs, rejecting "
        "Zentrix's argument that the patents were invalid. The U.S. Court of Appeals for the Federal Circuit "
        "said the jury had sufficient evidence. Zentrix did not immediately respond to a request for comment.",
        "Zentrix sued by parents over children's data collection",
        "(Reuters) - Social media company Zentrix Inc was hit on Monday with a proposed class action lawsuit "
        "accusing it of collecting personal data from children under 13 without their parents' consent, in "
        "violation of federal privacy law. The lawsuit, filed in federal court in San Jose, California, seeks "
        "unspecified damages. Zentrix did not immediately respond to a request for comment.",
        5,
    ),
    # 18 -- two regional elections on the same evening
    (
        "Bavaria's conservatives win state vote, far right gains - projections",
        "MUNICH (Reuters) - Bavaria's Christian Social Union (CSU) won Sunday's state election with about 36% "
        "of the vote, projections for broadcaster ARD showed, its weakest result in decades, while the "
        "far-right Alternative for Germany (AfD) rose to 17%. The Greens fell to 12%. The CSU is expected to "
        "continue governing in coalition with the Free Voters.",
        "Hesse election: Christian Democrats come first, Social Democrats slump",
        "WIESBADEN, Germany (Reuters) - The conservative Christian Democrats (CDU) came first in Sunday's state "
        "election in Hesse with about 33% of the vote, projections for broadcaster ZDF showed, while the "
        "far-right Alternative for Germany (AfD) rose to 16%. The Social Democrats (SPD) slumped to 15%, their "
        "worst result in the state since the war.",
        1,
    ),
    # 19 -- two different wildfires in one state
    (
        "Cedar Fire forces evacuations in Riverside County",
        "RIVERSIDE, Calif. (AP) \u2014 A fast-moving wildfire forced the evacuation of about 2,000 homes in "
        "Riverside County on Wednesday as dry Santa Ana winds pushed flames through brush-covered hills. The "
        "Cedar Fire had burned more than 3,500 acres (1,400 hectares) and was 5% contained, Cal Fire said. No "
        "injuries were reported.",
        "Pine Ridge Fire destroys homes in Ventura County",
        "VENTURA, Calif. (AP) \u2014 A wildfire driven by gusty Santa Ana winds destroyed at least a dozen homes "
        "in Ventura County on Wednesday, fire officials said, as thousands of residents fled. The Pine Ridge "
        "Fire had scorched about 6,000 acres (2,400 hectares) with no containment. One firefighter suffered "
        "minor injuries, the Ventura County Fire Department said.",
        3,
    ),
    # 20 -- two different tropical storms in Asia
    (
        "Typhoon Lanrae slams into southern Taiwan, thousands evacuated",
        "TAIPEI (Reuters) - Typhoon Lanrae made landfall in southern Taiwan on Thursday with winds of up to "
        "162 kph (100 mph), forcing the evacuation of more than 6,000 people and the cancellation of domestic "
        "flights, the Central Weather Administration said. Schools and offices were closed in Kaohsiung and "
        "Pingtung.",
        "Tropical Storm Kirogi lashes northern Philippines, 3 dead",
        "MANILA (Reuters) - Tropical Storm Kirogi brought heavy rain and strong winds to the northern "
        "Philippines on Thursday, killing at least three people and forcing more than 20,000 to flee their "
        "homes, disaster officials said. The storm made landfall in Isabela province with sustained winds of "
        "85 kph (53 mph), according to the state weather agency PAGASA.",
        6,
    ),
    # 21 -- two UK data releases from the same statistics office
    (
        "UK inflation falls to 2.6% in October",
        "LONDON (Reuters) - British consumer price inflation fell to 2.6% in October from 3.0% in September, "
        "the lowest rate in almost a year, official data showed on Wednesday, as lower energy and food prices "
        "pulled the rate down. Economists polled by Reuters had expected a reading of 2.7%. Services inflation, "
        "watched closely by the Bank of England, eased to 4.1%.",
        "UK unemployment rate rises to 4.9%, highest since 2016",
        "LONDON (Reuters) - Britain's unemployment rate rose to 4.9% in the three months to September, its "
        "highest since 2016 excluding the pandemic period, official data showed on Tuesday. Economists polled "
        "by Reuters had expected the rate to hold at 4.8%. Regular pay growth, watched closely by the Bank of "
        "England, slowed to 4.6%.",
        20,
    ),
    # 22 -- two US data releases on the same morning
    (
        "U.S. retail sales rise 0.6% in October",
        "WASHINGTON (Reuters) - U.S. retail sales increased 0.6% in October, beating economists' expectations, "
        "as consumers spent more on motor vehicles and online purchases, the Commerce Department said on "
        "Friday. Economists polled by Reuters had forecast sales rising 0.3%. Sales in September were revised "
        "up to a 0.5% gain.",
        "U.S. factory output falls 0.3% in October",
        "WASHINGTON (Reuters) - Production at U.S. factories fell 0.3% in October, dragged down by a decline in "
        "motor vehicle output, the Federal Reserve said on Friday. Economists polled by Reuters had forecast "
        "manufacturing output unchanged. Overall industrial production slipped 0.1%, while capacity "
        "utilization fell to 77.2%.",
        1,
    ),
    # 23 -- same investor, two unrelated deals
    (
        "Castellan Capital to buy cinema chain Lumiere for 650 million pounds",
        "LONDON (Reuters) - Private equity firm Castellan Capital has agreed to buy British cinema operator "
        "Lumiere Cinemas for 650 million pounds ($825 million) including debt, the companies said on Monday. "
        "Lumiere, which runs 94 cinemas across the UK and Ireland, said the deal would give it funding to "
        "refurbish its screens. The transaction is expected to close in the first quarter.",
        "Castellan Capital sells stake in Baltic ports operator",
        "LONDON (Reuters) - Castellan Capital has agreed to sell its 40% stake in Baltic Gateway Ports to a "
        "Canadian pension fund for about 410 million euros, the private equity firm said on Monday, five years "
        "after it invested in the operator of container terminals in Lithuania and Latvia. The deal is "
        "expected to close in the first half of next year.",
        9,
    ),
    # 24 -- two bank CEO departures on the same day
    (
        "Thornbury Bank CEO to retire next year",
        "LONDON (Reuters) - Thornbury Bank said on Thursday its chief executive Simon Hale would retire next "
        "summer after eight years in the role, and that the board had begun a search for his successor that "
        "would consider internal and external candidates. Hale joined the bank in 2009 and became CEO in 2018. "
        "Thornbury shares were little changed.",
        "Meridian Savings CEO steps down with immediate effect",
        "LONDON (Reuters) - Meridian Savings said on Thursday its chief executive Rachel Moore had stepped down "
        "with immediate effect following a review of the lender's risk controls by the Prudential Regulation "
        "Authority. Finance chief Tom Barker will act as interim CEO. Meridian shares fell 6% in morning "
        "trading.",
        6,
    ),
    # 25 -- two rocket launches from the same spaceport
    (
        "Helion Aerospace launches weather satellite from Cape Canaveral",
        "CAPE CANAVERAL, Fla. (AP) \u2014 A Helion Aerospace rocket carried a new weather satellite into orbit "
        "Tuesday morning for the National Oceanic and Atmospheric Administration. The spacecraft will watch "
        "Atlantic hurricanes and severe storms from geostationary orbit, about 22,000 miles (35,800 "
        "kilometers) above the equator. It was the first launch of Helion's heavier rocket from Cape Canaveral "
        "Space Force Station.",
        "Apex Orbital rocket lofts 28 broadband satellites",
        "CAPE CANAVERAL, Fla. (AP) \u2014 Apex Orbital launched 28 internet satellites from Cape Canaveral Space "
        "Force Station on Tuesday night, the company's 11th mission of the year. The first-stage booster landed "
        "on a platform in the Atlantic Ocean about eight minutes after liftoff. The satellites will join Apex's "
        "growing broadband constellation in low Earth orbit.",
        7,
    ),
    # 26 -- two coffee studies on one day
    (
        "Three cups of coffee a day linked to lower heart failure risk",
        "People who drank three cups of coffee a day were 15% less likely to develop heart failure over a "
        "12-year period than non-drinkers, according to a study of 210,000 adults published on Wednesday in "
        "the European Heart Journal. The researchers cautioned that the study was observational and could not "
        "prove cause and effect.",
        "Afternoon coffee disrupts deep sleep, study finds",
        "Drinking coffee after 2pm can reduce deep sleep by up to 20% even when people do not feel its effects, "
        "according to a small study published on Wednesday in the journal Sleep Health. Researchers at the "
        "University of Sydney monitored 64 adults with wearable sensors over four weeks. They said people with "
        "sleep problems should consider cutting out caffeine after lunchtime.",
        5,
    ),
    # 27 -- two jewellery robberies in the same city
    (
        "Robbers steal jewels worth 2 million euros from Paris boutique",
        "PARIS (Reuters) - Three robbers armed with axes smashed their way into a jewellery boutique on "
        "Paris's Place Vendome on Monday morning and fled with watches and jewels worth an estimated 2 million "
        "euros, police sources said. The thieves escaped on motorbikes. No one was hurt.",
        "Armed thieves hold up jewellery store in Paris suburb",
        "PARIS (Reuters) - Two armed men held up a jewellery store in the Paris suburb of Neuilly-sur-Seine on "
        "Monday evening, threatening staff with a handgun before escaping with rings and necklaces, police "
        "sources said. The value of the items stolen was not immediately known. A shop assistant was treated "
        "for shock.",
        9,
    ),
    # 28 -- same prime minister, two different matters
    (
        "New Zealand PM Holloway reshuffles cabinet, names new finance minister",
        "WELLINGTON (Reuters) - New Zealand Prime Minister Grant Holloway reshuffled his cabinet on Monday, "
        "naming Health Minister Erin Tawhiri as finance minister and moving three other ministers, less than a "
        "year before the next general election. &quot;This is a team for the next phase,&quot; Holloway told "
        "reporters in Wellington.",
        "New Zealand, Japan agree to start defence pact talks",
        "WELLINGTON (Reuters) - New Zealand Prime Minister Grant Holloway and his visiting Japanese counterpart "
        "agreed on Monday to begin talks on an agreement that would allow their militaries to train in each "
        "other's territory. The two leaders also pledged closer cooperation on critical minerals, Holloway told "
        "reporters in Wellington after their meeting.",
        4,
    ),
    # 29 -- two marathons on the same day
    (
        "Kenya's Cheruiyot wins Chicago Marathon",
        "CHICAGO (Reuters) - Kenya's Brian Cheruiyot won the Chicago Marathon on Sunday in 2 hours, 4 minutes "
        "and 12 seconds, pulling away from Ethiopia's Abebe Tola in the final three miles. Ethiopia's Hiwot "
        "Ayele won the women's race in 2:17:45.",
        "Ethiopia's Gemechu wins Amsterdam Marathon in course record",
        "AMSTERDAM (Reuters) - Ethiopia's Lemi Gemechu won the Amsterdam Marathon on Sunday in a course record "
        "of 2 hours, 3 minutes and 31 seconds, outsprinting Kenya's Isaac Rotich in the final kilometre. "
        "Kenya's Mercy Jepkemoi won the women's race in 2:18:20.",
        7,
    ),
    # 30 -- two matches at the same tennis tournament, same day
    (
        "Dutch qualifier de Wit stuns top seed Ferreira in Paris",
        "PARIS (Reuters) - Dutch qualifier Sem de Wit produced the biggest win of his career on Wednesday, "
        "beating top seed Lucas Ferreira 7-6(4) 6-4 in the second round of the Paris Masters. The "
        "21-year-old, ranked 96th in the world, will play Frenchman Hugo Bastien in the third round.",
        "Second seed Andersen cruises into Paris third round",
        "PARIS (Reuters) - Second seed Mikkel Andersen of Denmark eased into the third round of the Paris "
        "Masters on Wednesday with a 6-3 6-2 win over Argentina's Tomas Ruiz. Andersen, who needs a title run "
        "to qualify for the season-ending finals, broke serve four times and did not face a break point.",
        3,
    ),
    # 31 -- same airport, two unrelated disruptions
    (
        "Snow disrupts flights at Munich airport",
        "MUNICH (Reuters) - Heavy snowfall forced Munich airport to close its runways for several hours on "
        "Saturday morning, leading to the cancellation of around 400 flights, an airport spokesperson said. "
        "Lufthansa, the airport's largest user, said passengers should check their flight status before "
        "travelling.",
        "Munich airport terminal evacuated after suspicious bag found",
        "MUNICH (Reuters) - Police evacuated part of Terminal 2 at Munich airport on Saturday evening after a "
        "suspicious piece of luggage was found near check-in desks, causing flight delays, a police "
        "spokesperson said. The bag was later found to contain no dangerous items and the terminal reopened "
        "about two hours later.",
        10,
    ),
    # 32 -- two EU antitrust fines in one week
    (
        "EU fines Dutch lighting maker Lumora 210 million euros in cartel case",
        "BRUSSELS (Reuters) - The European Commission fined Dutch lighting maker Lumora NV 210 million euros "
        "($227 million) on Wednesday for taking part in a cartel that fixed prices of LED components for "
        "vehicles for six years. Two other participants received reduced fines for cooperating with the "
        "investigation. Lumora said it would not appeal.",
        "EU fines tyre makers 340 million euros for price-fixing",
        "BRUSSELS (Reuters) - The European Commission fined four tyre makers a total of 340 million euros "
        "($367 million) on Thursday for coordinating prices of replacement truck tyres in Europe over nearly "
        "five years. The companies, based in Italy, Germany and France, admitted their involvement and had "
        "their fines cut by 10% under the EU's settlement procedure.",
        20,
    ),
    # 33 -- two market wraps on the same day
    (
        "European shares close higher as banks rally",
        "(Reuters) - European shares ended higher on Monday, led by a rally in bank stocks after strong "
        "quarterly results from several lenders. The pan-European STOXX 600 index closed up 0.7% at 512.40 "
        "points, with the banking index jumping 2.3%. Germany's DAX rose 0.5% and France's CAC 40 gained 0.8%.",
        "Wall Street ends lower as tech stocks slide",
        "<p>(Reuters) - U.S. stocks closed lower on Monday, dragged down by losses in large technology shares "
        "ahead of earnings from major chipmakers later in the week.</p>"
        "<p>The S&amp;P 500 lost 0.6%, the Nasdaq Composite fell 1.1% and the Dow Jones Industrial Average "
        "dipped 0.2%.</p>",
        5,
    ),
    # 34 -- two unrelated emergency landings
    (
        "Skyward flight returns to Denver after engine failure",
        "DENVER (AP) \u2014 A Skyward Airlines flight bound for Phoenix returned safely to Denver International "
        "Airport on Tuesday after one of its engines failed shortly after takeoff, the Federal Aviation "
        "Administration said. None of the 156 passengers and six crew members were injured. The FAA said it "
        "would investigate.",
        "Plane makes emergency landing in Dallas after smoke fills cabin",
        "DALLAS (AP) \u2014 A Coastline Air jet made an emergency landing at Dallas Fort Worth International "
        "Airport on Tuesday after passengers reported smoke in the cabin, the Federal Aviation Administration "
        "said. Two flight attendants were treated for smoke inhalation. The flight from Atlanta to Los Angeles "
        "had 142 passengers on board. The FAA said it would investigate.",
        6,
    ),
    # 35 -- two health ministers in two similarly named countries
    (
        "Slovak health minister resigns over hospital contracts row",
        "BRATISLAVA (Reuters) - Slovakia's Health Minister Marek Hudak resigned on Tuesday after media reports "
        "that his ministry had awarded hospital cleaning contracts worth 40 million euros to a company linked "
        "to a ruling party donor, a government spokesman said. Hudak denied any wrongdoing.",
        "Slovenian health minister quits, citing health reasons",
        "LJUBLJANA (Reuters) - Slovenia's Health Minister Tanja Kovacic resigned on Tuesday, citing personal "
        "health reasons, the government said. Kovacic, who had been leading a reform of the country's "
        "overstretched public healthcare system, will be replaced on an interim basis by the labour minister.",
        11,
    ),
    # 36 -- two food-borne outbreaks announced by the same agency
    (
        "Salmonella outbreak linked to cucumbers sickens 68 in 14 states",
        "(Reuters) - A salmonella outbreak linked to cucumbers has sickened 68 people in 14 U.S. states, with "
        "19 hospitalized, the Centers for Disease Control and Prevention said on Friday. The cucumbers were "
        "distributed by Florida-based grower Sunridge Farms, which has recalled the products. No deaths have "
        "been reported.",
        "E. coli outbreak tied to bagged lettuce sickens 41 people",
        "(Reuters) - An E. coli outbreak linked to bagged romaine lettuce has sickened 41 people in nine U.S. "
        "states, with 15 hospitalized and one death reported in Ohio, the Centers for Disease Control and "
        "Prevention said on Friday. California-based Greenvale Produce has recalled the lettuce.",
        4,
    ),
    # 37 -- two IPOs on the same exchange
    (
        "Brightlane shares soar 40% in NYSE debut",
        "NEW YORK (Reuters) - Shares of payroll software firm Brightlane Inc jumped 40% in their New York Stock "
        "Exchange debut on Thursday, valuing the company at about $7.8 billion. The stock opened at $33.60, "
        "compared with an IPO price of $24, which was above the marketed range of $20 to $22.",
        "Medical device maker Corwen prices IPO below range",
        "NEW YORK (Reuters) - Medical device maker Corwen Health priced its initial public offering at $19 per "
        "share, below its marketed range of $21 to $23, raising $380 million, the company said late on "
        "Wednesday. Shares are set to begin trading on the New York Stock Exchange on Thursday.",
        2,
    ),
    # 38 -- two rulings from the same court on the same day
    (
        "US Supreme Court sides with warehouse workers in overtime pay dispute",
        "WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday ruled 6-3 in favor of warehouse workers "
        "seeking overtime pay for time spent passing through mandatory security screenings, reversing a lower "
        "court decision in a case against logistics firm Carver Distribution.",
        "US Supreme Court rejects challenge to Texas congressional map",
        "WASHINGTON (Reuters) - The U.S. Supreme Court on Thursday rejected a challenge to Texas's "
        "congressional district map, ruling 6-3 that civil rights groups had failed to prove the "
        "Republican-drawn lines were racially discriminatory. The map will remain in place for next year's "
        "elections.",
        1,
    ),
    # 39 -- two winter storms in different states
    (
        "Lake-effect snowstorm buries Buffalo area under 3 feet of snow",
        "BUFFALO, N.Y. (AP) \u2014 A lake-effect snowstorm dumped more than 3 feet (90 centimeters) of snow on "
        "parts of western New York by Saturday, closing roads and forcing the cancellation of flights at "
        "Buffalo Niagara International Airport, the National Weather Service said. A travel ban remained in "
        "place for several towns south of the city.",
        "Ice storm leaves 200,000 without power in Dallas area",
        "DALLAS (AP) \u2014 Freezing rain coated North Texas in ice on Saturday, snapping tree limbs and power "
        "lines and leaving more than 200,000 homes and businesses without electricity, utility Oncor said. The "
        "National Weather Service issued an ice storm warning through Sunday morning.",
        8,
    ),
    # 40 -- same beach, two unrelated incidents
    (
        "Surfer bitten by shark at Bondi Beach",
        "SYDNEY (Reuters) - A surfer was bitten on the leg by a shark at Sydney's Bondi Beach on Sunday "
        "morning, police said, the first attack at the beach in more than a decade. The man, in his 30s, was "
        "taken to hospital in a stable condition. Lifeguards closed the beach for the rest of the day.",
        "Lifeguards rescue 40 swimmers from rip at Bondi",
        "SYDNEY (Reuters) - Lifeguards rescued about 40 swimmers caught in a powerful rip current at Sydney's "
        "Bondi Beach on Saturday afternoon, as thousands flocked to the coast during a heatwave. Three people "
        "were taken to hospital for observation, NSW Ambulance said.",
        18,
    ),
]
