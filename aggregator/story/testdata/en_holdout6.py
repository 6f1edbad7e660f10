# -*- coding: utf-8 -*-
# en_holdout6.py -- English hold-out test data for a news "same story" detector.
# Written on 2026-12-07 by a helper session given only a written brief, without sight of the detector, its code, its other test data or its scores. All events below are invented (fictional); companies, people, figures and quotes are made up, and real places and institutions appear only as settings.

# EN_SAME8: list of 32 tuples (title_a, body_a, title_b, body_b).
#   Each tuple is ONE news event reported by two different outlets, each written independently. Expected label: same story.
EN_SAME8 = [
    # 0 -- chemicals takeover (long A / short B)
    ("Garrowby Chemicals to buy Quenton Adhesives for $3.55 billion",
     "Nov 16 (Reuters) - Garrowby Chemicals said on Monday it would buy industrial adhesives maker Quenton Adhesives for $3.55 billion including debt, pushing deeper into sealants and bonding agents used in electric-vehicle batteries and solar panels.\n\n"
     "Garrowby will pay $47.20 per share in cash, a premium of 31% to Quenton's closing price on Friday. Quenton shares jumped 27% to $45.60 in premarket trading, while Garrowby's stock slipped about 2%.\n\n"
     "The deal is the largest since Chief Executive Lorna Fairweather took over in 2023 and promised to steer the Cleveland-based group away from commodity chemicals, whose margins have been squeezed by a flood of cheap imports from Asia.\n\n"
     "“Adhesives are where the chemistry meets the customer,” Fairweather told analysts on a conference call, adding that Garrowby expected about $140 million in annual cost savings by the end of the third year after closing.\n\n"
     "Garrowby said it would fund the purchase with cash on hand and roughly $2.8 billion of new debt, and would pause share buybacks for about 18 months to bring leverage back below three times earnings. The transaction, approved by both boards, is expected to close in the second half of 2027, subject to regulatory clearances and a vote by Quenton shareholders.\n\n"
     "Minneapolis-based Quenton reported revenue of $1.4 billion last year. Analysts at Keswick Partners said the price looked full but the strategic fit was strong.\n\n"
     "(Reporting by Anjali Rao in Bengaluru; Editing by Tom Heald)",
     "Garrowby bets on battery glue with $3.6bn Quenton deal",
     "Garrowby Chemicals has agreed to acquire Quenton Adhesives in a deal worth about $3.6bn, the US group's biggest bet yet on specialty materials as it tries to escape a prolonged slump in basic chemicals. The cash offer of $47.20 a share values Quenton at roughly a third above where it traded before the announcement. Quenton's chief executive, Dev Raghunathan, said joining Garrowby would give the company “the balance sheet to keep pace with what the battery makers are asking of us”. Garrowby, which will borrow to fund the transaction, is suspending its buyback programme. Some investors questioned the timing: one top-20 shareholder said the company was “paying peak multiples for a business whose biggest customers are still cutting capex”."),

    # 1 -- central bank (long A / short B)
    ("Bank of Israel cuts key rate to 3.5% as inflation eases, shekel firms",
     "JERUSALEM, Nov 23 (Bloomberg) -- The Bank of Israel lowered its benchmark interest rate by a quarter percentage point on Monday, citing a steady retreat in inflation and a stronger shekel that is cheapening imports.\n\n"
     "The monetary committee cut the rate to 3.5% from 3.75%, a move predicted by 11 of 16 economists surveyed. The remaining five had expected no change. It was the central bank's second reduction this year.\n\n"
     "Annual inflation slowed to 2.4% in October, near the middle of the government's 1%-3% target range, from 2.9% in September. The shekel has gained about 6% against the dollar since the summer, helped by foreign inflows into Tel Aviv-listed technology stocks.\n\n"
     "“The inflation environment allows us to support activity without compromising price stability,” the committee said in its statement, adding that it would remain “attentive” to the housing market, where prices have resumed rising.\n\n"
     "The bank's research department raised its forecast for 2027 economic growth to 3.8% from 3.5% and projected inflation of 2.2% next year. Staff forecasts imply one or two more cuts over the coming 12 months.\n\n"
     "Yields on two-year government bonds fell 6 basis points after the decision, and the shekel weakened 0.4% to 3.41 per dollar.",
     "BoI trims rates by a quarter point",
     "Israel's central bank shaved 25 basis points off its key rate on Monday, taking it to 3.50%, as price growth cooled to 2.4% and the shekel's rally kept a lid on import costs. The decision was mostly expected. BoI rate-setters said they would keep a close eye on home prices. “They've opened the door to one more move in the first quarter,” said Yael Dorfman, an economist at Carmel Capital Markets in Tel Aviv."),

    # 2 -- UK retailer results
    ("Dovecote first-half profit rises 14% as clothing sales climb",
     "LONDON, Nov 11 (Reuters) - British clothing and homeware retailer Dovecote reported a 14% rise in first-half profit on Wednesday, helped by strong demand for womenswear and fewer markdowns, and raised its interim dividend.\n\n"
     "Pretax profit for the 26 weeks to Sept. 26 came in at 212 million pounds, up from 186 million a year earlier, on revenue that rose 6% to 2.9 billion pounds. Analysts had on average expected profit of 201 million pounds.\n\n"
     "Chief Executive Claire Mottram said trading in the first weeks of the second half had been “encouraging” but cautioned that the Christmas period would be decisive. The company kept its full-year guidance unchanged.\n\n"
     "The interim dividend was raised 8% to 4.1 pence a share. Dovecote shares were up 4.6% at 0830 GMT.",
     "Dovecote lifts payout after strong autumn for womenswear",
     "Dovecote has raised its half-year dividend after shoppers snapped up its autumn ranges, in a rare bright spot for a high street that has struggled with weak consumer confidence.\n\n"
     "The retailer, which has around 310 stores across the UK and Ireland, said womenswear sales grew by double digits in the six months to late September, while online orders now make up 38 per cent of clothing sales.\n\n"
     "Profit before tax reached £212m. The payout to shareholders rises to 4.1p.\n\n"
     "Rishi Varma, retail analyst at Lathbury Securities, said the chain had “finally stopped giving margin away” by ordering less stock and cutting back on end-of-season discounting. “The question is whether it can hold on to that discipline through the Christmas trading,” he added."),

    # 3 -- CEO departure
    ("Ingleby Insurance CEO Achterberg to step down next year",
     "Ingleby Insurance said on Thursday that Chief Executive Rosalind Achterberg would step down by the end of June 2027 after seven years in the role, and that its board had begun searching for a successor.\n\n"
     "Achterberg, who joined the London-listed motor and home insurer from Dutch group Nordmeer Verzekeringen in 2019, oversaw the sale of its loss-making pet insurance arm and a return to underwriting profit last year.\n\n"
     "The company said it would consider internal and external candidates. Shares fell 3.1% in early trading.",
     "Ingleby hunts for new boss as Achterberg heads for exit",
     "Ingleby Insurance is looking for a new chief executive after Rosalind Achterberg told the board she intends to leave next summer.\n\n"
     "Chair Sir Malcolm Tredway thanked her for “turning around a business that many had written off”, pointing to the insurer's improved combined ratio, which fell to 94.2 per cent in 2025 from more than 103 per cent when she arrived.\n\n"
     "Achterberg, 58, said in a statement that it was “the right moment to hand over”, with the company's new claims platform due to go live in the spring. She did not say what she planned to do next.\n\n"
     "The announcement comes weeks after Ingleby warned that a rise in the cost of vehicle repairs would weigh on its motor margins. Analysts at Brockhurst Bank said the departure was “orderly” but could unsettle investors until a successor is named. Finance director Kwame Asante-Boateng is seen by some in the City as a frontrunner."),

    # 4 -- IPO debut
    ("Wardline Security shares jump 33% in NYSE debut",
     "NEW YORK, Dec 3 (Reuters) - Shares of cybersecurity company Wardline Security opened 33% above their offer price in their New York Stock Exchange debut on Thursday, the latest sign that investors are warming to technology listings after a patchy year.\n\n"
     "The stock opened at $34.60, compared with the IPO price of $26, giving the company a market value of about $12.1 billion. Wardline sold 30 million shares in the offering, raising $780 million, after pricing at the top of its marketed range of $23 to $26.\n\n"
     "The Austin, Texas-based firm, which sells software that detects intruders moving inside corporate networks, trades under the ticker “WDLN”. Goldman Sachs, Morgan Stanley and JPMorgan led the offering.",
     "Cyber firm Wardline valued near $12bn after strong opening",
     "Wardline Security's stock market debut got off to a flying start, with shares changing hands at $34.60 when trading began, roughly a third above the $26 at which the company sold them to investors late on Wednesday.\n\n"
     "At the offer price Wardline was valued at around $9.1bn. The company, founded in 2017 by former military intelligence analysts, reported revenue of $512m in the 12 months to September, up 41%, but is still loss-making.\n\n"
     "“We didn't go public because we needed the money. We went public because our customers want to know we'll be around for the long haul,” chief executive Mateo Sandoval said in an interview from the exchange floor.\n\n"
     "Investors have been selective this year, rewarding companies that show a path to profitability. Wardline says it expects to break even on an operating basis in 2027."),

    # 5 -- video game layoffs
    ("Video game maker Glasshouse to cut 450 jobs, close Helsinki studio",
     "STOCKHOLM, Nov 18 (Reuters) - Swedish video game publisher Glasshouse Interactive said on Wednesday it would cut about 450 jobs, or roughly 12% of its workforce, and close its studio in Helsinki as it scraps an unannounced game to reduce costs.\n\n"
     "The company will book a restructuring charge of around 650 million Swedish crowns ($60 million) in the fourth quarter, it said in a statement. Glasshouse shares rose 5% in Stockholm.\n\n"
     "The industry has shed tens of thousands of jobs over the past three years as development budgets ballooned and player spending failed to keep up.",
     "Glasshouse shuts Finnish studio behind Northern Lanterns as 450 roles go",
     "The Helsinki team that made the cult survival game Northern Lanterns is being closed down by its owner, Glasshouse Interactive, as part of a round of cuts that will see around 450 people lose their jobs.\n\n"
     "In a memo to staff seen by this site, chief executive Petra Lindahl said the company had “grown faster than our games have” and that the Helsinki studio's next project, a multiplayer title in development for four years, had been cancelled after internal playtests.\n\n"
     "Around 140 developers work at the Finnish studio. Glasshouse said it would try to place some of them on other teams, including its Malmö and Kraków studios. Finnish games union Pelialan Ammattilaiset said it would seek talks with management over severance terms."),

    # 6 -- tech product launch
    ("Kinetra unveils $999 mixed-reality headset to take on bigger rivals",
     "SAN FRANCISCO, Nov 10 (Reuters) - Consumer electronics maker Kinetra on Tuesday unveiled a $999 mixed-reality headset called Halo, pitching it as a lighter and cheaper alternative to premium devices from much larger technology companies.\n\n"
     "The headset weighs 410 grams, roughly a third less than leading rival devices, and uses a battery pack that clips onto a belt. It will go on sale in the United States, Britain and Japan in February.\n\n"
     "“People don't want to wear a brick on their face,” Kinetra co-founder and CEO Jun Takahara said at a launch event in San Francisco. He declined to give sales targets.\n\n"
     "Kinetra, which is privately held and backed by venture firm Alder Ridge Capital, is best known for its action cameras.",
     "Kinetra's Halo headset arrives in February, priced at $999",
     "Kinetra is getting into headsets. The action-camera maker showed off Halo, a mixed-reality visor that blends digital windows with a view of the room around you, and said it will ship in February for $999 — hundreds of dollars less than the high-end competition.\n\n"
     "The big selling point is weight. At 410g, Halo is noticeably lighter than most rivals because its battery sits in a separate puck you keep in a pocket or on your belt. Kinetra says you'll get about two and a half hours per charge.\n\n"
     "There are compromises. The displays are lower-resolution than the best on the market, and there is no eye tracking. Kinetra says Halo will run Android apps at launch, plus a handful of fitness and 3D video titles built with partners. Whether that is enough to persuade people who have so far shrugged at face computers is another matter."),

    # 7 -- telecom data breach
    ("Mossgiel Telecom says hackers stole data of 2.3 million customers",
     "Mossgiel Telecom, the Glasgow-based broadband and mobile provider, said on Tuesday that hackers had stolen personal information belonging to about 2.3 million current and former customers.\n\n"
     "The company said names, postal addresses, dates of birth and in some cases bank account numbers and sort codes had been taken, but that passwords and full card details were not affected. It has informed the Information Commissioner's Office and the National Crime Agency.\n\n"
     "Mossgiel said it detected “unauthorised access” to a customer database on Nov. 27 and shut it off the same day. It is contacting affected customers by email and letter.",
     "Mossgiel breach: bank details of millions of customers exposed",
     "Customers of Mossgiel Telecom are being urged to watch out for scam calls and emails after the company admitted criminals had got hold of personal data for 2.3m people.\n\n"
     "Chief executive Fraser Dunlop apologised “unreservedly” and said the firm was offering affected customers 12 months of free credit monitoring.\n\n"
     "“With a name, address and bank details, fraudsters can make very convincing calls pretending to be from your bank,” said Nadia Elkington of consumer group Which?. “If anyone calls asking you to move money, hang up.”\n\n"
     "The company, which has about 1.6m active customers, said it did not yet know who was responsible. It is the second major cyber incident to hit a British telecoms firm this year."),

    # 8 -- Australia GDP (long A / short B)
    ("Australia's economy grows 0.6% in third quarter as households spend more",
     "SYDNEY, Dec 2 (Reuters) - Australia's economy grew at its fastest pace in more than two years in the September quarter as households opened their wallets and government spending on infrastructure picked up, official data showed on Wednesday.\n\n"
     "Real gross domestic product rose 0.6% in the quarter, the Australian Bureau of Statistics said, beating forecasts of 0.4% and accelerating from a revised 0.3% in the June quarter. Annual growth quickened to 2.1% from 1.6%.\n\n"
     "Household consumption increased 0.7%, led by spending on travel, recreation and new vehicles, as earlier interest rate cuts and income tax relief fed through to budgets. The household saving ratio eased to 4.8% from 5.3%.\n\n"
     "Public investment jumped 2.9%, reflecting work on transport projects in New South Wales and Victoria, while mining investment fell for a second quarter.\n\n"
     "“This is the handover to the private sector the Reserve Bank has been waiting for,” said Bronwyn Tait, chief economist at Corella Bank. “It also means there is little case for another cut in the near term.”\n\n"
     "GDP per capita rose 0.2%, its second straight increase after a long run of declines. The Australian dollar rose a third of a U.S. cent to $0.6712 after the release, and three-year bond futures slipped.\n\n"
     "The Reserve Bank of Australia meets next week and markets are pricing almost no chance of a move.",
     "Shoppers power stronger-than-expected growth",
     "Australians splurged on holidays and cars over winter, helping the national economy expand by 0.6 per cent in the three months to September, well ahead of what economists were tipping.\n\n"
     "Figures from the ABS on Wednesday put annual growth at 2.1 per cent. Per-person GDP edged up again, a relief after the so-called per capita recession of recent years.\n\n"
     "Business groups welcomed the result but warned that productivity remained weak. “Growth built on spending and government projects is welcome, but it isn't the same as getting more out of every hour worked,” said Ian Petrakis of the Australian Industry Council."),

    # 9 -- India GDP
    ("India's economy grows 7.1% in July-September quarter",
     "NEW DELHI, Nov 30 (Reuters) - India's economy grew 7.1% year on year in the July-September quarter, slowing from 7.8% in the previous three months as farm output cooled and urban consumption lost some momentum, government data showed on Monday.\n\n"
     "The figure was slightly above the 6.9% median forecast in a Reuters poll of economists. Manufacturing grew 6.4%, while the farm sector expanded 2.9% after an uneven monsoon.\n\n"
     "Gross fixed capital formation, a proxy for investment, rose 8.2%, helped by government spending on roads and railways.",
     "Indian growth slows but beats forecasts as investment holds up",
     "India's gross domestic product expanded 7.1% in the second quarter of the fiscal year, figures from the statistics ministry showed, a slowdown from the April-June period but still comfortably the fastest pace among major economies.\n\n"
     "Economists had pencilled in growth of around 6.9%. A patchy monsoon weighed on agriculture, and car sales and consumer goods volumes in big cities softened, but public capital spending and construction kept activity buoyant.\n\n"
     "“The numbers give the Reserve Bank room to keep rates on hold in December,” said Meera Raghavan, chief economist at Saraswati Securities in Mumbai. Gross value added rose 6.8%. The government has forecast growth of around 7% for the full fiscal year ending in March."),

    # 10 -- copper record
    ("Copper hits record high as strike halts Chile's Cerro Albo mine",
     "LONDON, Nov 25 (Reuters) - Copper prices surged to a record high on Wednesday after workers at Chile's Cerro Albo mine, one of the world's largest, walked off the job, adding to worries about tight supply of the metal used in power grids and electric vehicles.\n\n"
     "Benchmark three-month copper on the London Metal Exchange rose as much as 3.4% to $12,460 a metric ton, surpassing the previous peak set in October, before trading at $12,390 by 1530 GMT.\n\n"
     "Cerro Albo, operated by Andessa Minerals, produced about 380,000 tons of copper last year, or roughly 1.7% of global mine supply. Andessa said output had been halted after the union rejected its final wage offer.",
     "Copper tops $12,400 a tonne for first time on Chilean supply shock",
     "The price of copper broke above $12,400 a tonne for the first time on Wednesday after a strike shut down production at a giant mine in northern Chile, compounding a shortage of the metal that has been building for most of the year.\n\n"
     "Around 2,600 members of Sindicato No. 1 at the Cerro Albo operation in the Antofagasta region downed tools after talks over bonuses collapsed. Union leader Héctor Villagrán said workers were prepared to stay out “for as long as it takes”.\n\n"
     "Traders said hedge funds added to bullish bets. “The market had no cushion left,” said Oliver Brandt, head of metals research at Veldhoven Commodities. Stockpiles in LME warehouses are near their lowest level since 2023. Shanghai copper futures also hit a record."),

    # 11 -- Danish minister resigns (long A / short B)
    ("Danish transport minister resigns over ferry contract row",
     "COPENHAGEN, Dec 4 (AP) — Denmark's transport minister resigned on Friday after newspaper reports that her ministry steered a lucrative ferry contract to a company whose chairman is a longtime friend, an early setback for a coalition government formed after October's general election.\n\n"
     "Mette Holst-Varming, 49, said in a statement that she had “not acted improperly” but did not want the matter to overshadow the government's work. She will remain a member of parliament.\n\n"
     "The daily Berlingske reported last week that officials in her ministry had rewritten the terms of a 1.9 billion kroner ($290 million) tender to run ferry routes to several small islands in the Kattegat, after a meeting between Holst-Varming and the chairman of Nordlys Færger, which went on to win the contract.\n\n"
     "The prime minister's office said it accepted the resignation and that the tender would be reviewed by the National Audit Office. Opposition parties had threatened a no-confidence motion against Holst-Varming next week.\n\n"
     "Nordlys Færger said in a statement that it had won the contract “on price and quality” and would cooperate fully with any review.\n\n"
     "Holst-Varming, who also held the transport brief in the previous government, is the first minister to leave the new cabinet. Her duties will be taken over temporarily by the minister for housing, Anders Kjeldgaard, until a successor is named.",
     "Denmark's Holst-Varming quits after ferry tender revelations",
     "Transport minister Mette Holst-Varming stepped down on Friday, days after reports that tender rules for Kattegat island ferries were changed following her meeting with a friend whose company later won the deal. She denies wrongdoing. The opposition Liberal Alliance, which had been preparing a no-confidence vote, said her exit was “unavoidable” and demanded that the contract, worth roughly 1.9bn kroner, be cancelled. Islanders on Samsø and Anholt had complained that the new timetable cuts evening sailings."),

    # 12 -- Queensland by-election
    ("Independent Fiona Drysdale claims Cooloola Heights in by-election upset",
     "Community independent Fiona Drysdale has won the Queensland seat of Cooloola Heights, ending more than three decades of Liberal National Party control of the Sunshine Coast hinterland electorate.\n\n"
     "With about 78 per cent of the vote counted on Saturday night, Drysdale, a local GP, led LNP candidate Brett Kallis 54.2 per cent to 45.8 per cent after preferences. The ABC's election analyst called the seat shortly after 9pm.\n\n"
     "“People here felt taken for granted,” Drysdale told supporters at the Pomona bowls club. “Tonight they've said they want a voice, not a safe seat.”\n\n"
     "The by-election was triggered by the resignation of former minister Graham Toohey in October. The result does not threaten the state government's majority.",
     "Queensland government loses safe seat to independent doctor",
     "BRISBANE, Dec 5 (AAP) - Queensland's government has lost the previously safe seat of Cooloola Heights to an independent in a by-election marked by a swing of more than 14 per cent against it on a two-candidate basis.\n\n"
     "Local doctor Fiona Drysdale campaigned on hospital waiting times and opposition to a proposed quarry near Cooran. Premier's office spokesman Daniel Ferris said the government would “listen to the message” but noted by-elections often went against governing parties. Labor did not field a candidate. The Electoral Commission of Queensland is expected to finalise the count next week."),

    # 13 -- Dublin tourist levy
    ("Irish cabinet approves €4 nightly tourist levy for Dublin",
     "The Government has approved plans for a tourist levy of €4 per adult per night on hotel, guesthouse and short-term rental stays in Dublin, with the money ring-fenced for city transport and public realm projects.\n\n"
     "Minister for Tourism Aoife Brannelly said the charge, which requires legislation, would take effect from March 2028 and could raise about €70 million a year. Children under 16 will be exempt.\n\n"
     "“Dublin welcomes millions of visitors every year, and it is fair that they contribute modestly to the city they enjoy,” Ms Brannelly said after Tuesday's Cabinet meeting. Other local authorities will be able to opt in from 2029.\n\n"
     "The Irish Hotels Federation said the levy would make Dublin “one of the most expensive cities in Europe for a weekend break”.",
     "Visitors to Dublin face new overnight charge",
     "DUBLIN, Nov 24 (Reuters) - Ireland will introduce a per-night charge on tourists staying in Dublin, the government said on Tuesday, joining cities such as Amsterdam and Barcelona that tax visitors to fund services strained by tourism.\n\n"
     "The levy, set at 4 euros per adult per night, will apply to hotels, B&Bs and short-term lets such as Airbnb properties, and is expected to bring in around 70 million euros annually.\n\n"
     "Hoteliers, who already face a 13.5% VAT rate, oppose the plan. Dublin has some of Europe's highest average room rates, which averaged 196 euros a night in August according to industry data. The government said it would publish draft legislation early next year."),

    # 14 -- Premier League match (long A / short B)
    ("Amankwah header earns Villa late win over Spurs",
     "Kofi Amankwah rose highest two minutes from time to give Aston Villa a 2-1 victory over Tottenham Hotspur at Villa Park on Sunday and lift his side into the Premier League's top four.\n\n"
     "The 22-year-old defender met a Lewis Hartigan corner at the near post and glanced it past Spurs goalkeeper Mikkel Storgaard, sparking wild celebrations in the Holte End.\n\n"
     "Villa had gone ahead in the 14th minute when Tom Ashdown cut inside from the left and curled a shot into the far corner, his sixth goal of the season.\n\n"
     "Tottenham, who had more of the ball after the break, equalised in the 63rd minute through Danish forward Rasmus Fjeldsted, who tapped in after Villa failed to clear a low cross.\n\n"
     "Spurs thought they had taken the lead eight minutes later, but Fjeldsted's second was ruled out for offside following a lengthy VAR check.\n\n"
     "“It's the best goal I've ever scored, even if it only went in off my forehead,” Amankwah said. “We stuck together when they were on top.”\n\n"
     "Villa move up to fourth on 25 points from 14 games. Spurs, who have won only one of their last five league matches, drop to ninth.",
     "Soccer-Aston Villa 2 Tottenham 1 - late header lifts Villa to fourth",
     "BIRMINGHAM, England, Nov 29 (Reuters) - Aston Villa beat Tottenham Hotspur 2-1 on Sunday thanks to an 88th-minute header from centre back Kofi Amankwah. Tom Ashdown put Villa ahead early before Rasmus Fjeldsted levelled for Tottenham midway through the second half. The win moved Villa level on points with third-placed Chelsea. Tottenham have taken four points from their last five league games."),

    # 15 -- ATP Finals
    ("Lehtola beats Marchand to win ATP Finals title in Turin",
     "TURIN, Italy (AP) — Aarni Lehtola became the first Finnish player to win the ATP Finals, beating Lucien Marchand of France 6-4, 3-6, 7-6 (5) on Sunday in a final that lasted nearly three hours.\n\n"
     "The 24-year-old Lehtola saved two break points at 5-5 in the third set and then won the last three points of the tiebreaker, sealing the title with a forehand winner down the line.\n\n"
     "“I don't think I've ever been so tired on a tennis court,” Lehtola said. “Lucien pushed me to the limit.”\n\n"
     "Lehtola, who lost two of his three round-robin matches last year, went unbeaten through the tournament this time and collects about $4.8 million in prize money.",
     "Finland's Lehtola wins season-ending title in final-set tie-break",
     "Aarni Lehtola held his nerve in a deciding-set tie-break to beat Frenchman Lucien Marchand and claim the biggest title of his career at the ATP Finals.\n\n"
     "The world number four won 6-4 3-6 7-6 (7-5) at the Inalpi Arena, having been a break down early in the third set.\n\n"
     "Marchand, 29, had won their previous two meetings, including the Paris Masters semi-final earlier this month, and served for the match at 5-4 before a double fault handed back the break.\n\n"
     "“I had my chance and I didn't take it - that's what will hurt tonight,” Marchand said.\n\n"
     "Lehtola, from Espoo, started playing on indoor courts in Helsinki because of the long Finnish winters. He finishes the year ranked third."),

    # 16 -- cricket Test
    ("South Africa crush Bangladesh by an innings in Durban",
     "DURBAN, Dec 1 (Reuters) - South Africa beat Bangladesh by an innings and 42 runs inside four days in the first test at Kingsmead on Tuesday, with fast bowler Sipho Mabaso taking 5-38 as the tourists were bowled out for 187 in their second innings.\n\n"
     "Bangladesh, who trailed by 229 runs on first innings, resumed on 61-2 but lost their last eight wickets for 96 runs either side of lunch. Opener Rafiqul Karim top-scored with 64.\n\n"
     "South Africa captain Ruan de Klerk had made 151 in the hosts' first innings total of 456. The second and final test starts in Gqeberha on Dec. 9.",
     "Mabaso five-for seals emphatic Proteas win",
     "Sipho Mabaso ripped through the Bangladesh middle order on the fourth morning at Kingsmead as the Proteas wrapped up victory by an innings and 42 runs to go 1-0 up in the two-match series.\n\n"
     "The 26-year-old paceman, playing his fifth Test, finished with figures of 5/38, including three wickets in 11 balls after the drinks break, and was named player of the match ahead of De Klerk, whose century on the opening day set up the win.\n\n"
     "“The ball was nipping around a bit this morning and I just tried to hit the top of off,” Mabaso said.\n\n"
     "Bangladesh coach Imran Chowdhury admitted his batters had struggled with the bounce. “We have a week to sort it out,” he said."),

    # 17 -- NHL
    ("Flames edge Oilers 3-2 in overtime on Ostrowski's winner",
     "CALGARY, Alberta (AP) — Jakub Ostrowski scored 2:14 into overtime and the Calgary Flames beat the Edmonton Oilers 3-2 on Saturday night.\n\n"
     "Mason Tilley and Cole Brandvold also scored for Calgary, which has won four straight. Goalie Anders Hjelm made 34 saves.\n\n"
     "Ryan Okonjo and Liam Dufresne scored for Edmonton, which tied it with 1:48 left in regulation after pulling goalie Teemu Saarinen for an extra skater. Saarinen stopped 27 shots.\n\n"
     "Ostrowski finished off a two-on-one with Tilley, beating Saarinen high to the glove side.",
     "Ostrowski wins Battle of Alberta for Calgary in OT",
     "The Flames needed extra time, but they got the job done against their provincial rivals.\n\n"
     "Jakub Ostrowski's overtime snipe gave Calgary a 3-2 win over Edmonton at the Saddledome on Saturday, extending the Flames' winning streak to four games and moving them two points clear of the Oilers in the Pacific Division.\n\n"
     "It looked as if Calgary would win in regulation after Cole Brandvold's power-play goal early in the third period, but Liam Dufresne tied it late with Edmonton playing six skaters.\n\n"
     "“We've been on the wrong end of that a few times this year,” Flames coach Dale Moreau said. “Tonight the guys didn't let it rattle them.”\n\n"
     "Anders Hjelm stopped 34 of 36 shots. The Flames host Seattle on Tuesday."),

    # 18 -- Malaysia floods (long A / short B)
    ("More than 40,000 flee as monsoon floods swamp Malaysia's Kelantan",
     "KUALA LUMPUR, Nov 27 (Reuters) - More than 40,000 people have been evacuated from their homes in Malaysia's northeastern state of Kelantan after days of torrential monsoon rain caused rivers to burst their banks, officials said on Friday.\n\n"
     "Two people have died, including a 67-year-old man who was swept away while trying to cross a flooded road near Tanah Merah on Thursday, police said.\n\n"
     "The National Disaster Management Agency said 41,380 people were housed at 312 relief centres in Kelantan, with smaller numbers evacuated in neighbouring Terengganu. Water levels at several monitoring stations on the Kelantan and Golok rivers were above danger levels.\n\n"
     "The state capital Kota Bharu was partly submerged and the main road link to Terengganu was cut. Rail services on the east coast line between Gua Musang and Tumpat were suspended.\n\n"
     "The Malaysian Meteorological Department has issued a red-level warning for continuous heavy rain through Sunday. “The worst may not be over,” said a state disaster committee official, Mohd Azlan Ismail. “We are preparing for the numbers to rise.”\n\n"
     "The northeast monsoon, which typically runs from November to March, brings floods to Malaysia's east coast almost every year. In 2014, floods forced more than 200,000 people from their homes.\n\n"
     "Troops and boats have been deployed to help with evacuations, and the government said it would release emergency funds for affected families.",
     "Two dead as Kelantan floods force tens of thousands into shelters",
     "Floodwaters have driven about 41,000 people into evacuation centres across Kelantan, with two deaths confirmed so far, as heavy rain continues to lash Malaysia's east coast. In Kota Bharu, residents waded through chest-deep water to reach boats sent by the fire and rescue department. The army has sent trucks to reach villages cut off along the Golok river near the Thai border. Forecasters expect more rain over the weekend."),

    # 19 -- Guatemala earthquake
    ("Magnitude 6.1 earthquake strikes Guatemala, killing at least 3",
     "GUATEMALA CITY (AP) — A magnitude 6.1 earthquake struck western Guatemala on Sunday, killing at least three people, damaging colonial-era churches and sending residents running into the streets, authorities said.\n\n"
     "The U.S. Geological Survey said the quake hit at 10:42 a.m. local time at a depth of 74 kilometers, about 15 kilometers (9 miles) south of the town of San Marcos, near the Mexican border.\n\n"
     "The national disaster agency, CONRED, said two people were killed by falling walls in San Marcos department and a woman died in Quetzaltenango when part of a house collapsed. At least 17 people were injured.\n\n"
     "Shaking was felt strongly in Guatemala City and in the Mexican state of Chiapas. No tsunami warning was issued.",
     "Quake kills three in western Guatemala, damages churches",
     "A strong earthquake shook western Guatemala on Sunday morning, leaving three people dead and cracking the facades of several old churches in the highland city of Quetzaltenango.\n\n"
     "Guatemala's seismological institute INSIVUMEH measured the quake at magnitude 6.0 and said it was followed by more than 20 aftershocks. Landslides blocked stretches of the Inter-American Highway.\n\n"
     "President's office spokesperson Lucía Barrios said schools in the affected departments would remain closed on Monday while engineers inspect buildings. Firefighters in San Pedro Sacatepéquez said they had pulled an elderly man alive from the rubble of his adobe home."),

    # 20 -- UK storm
    ("Storm Brannagh: tens of thousands without power in Wales as gusts top 90mph",
     "More than 60,000 homes in Wales were left without power on Thursday after Storm Brannagh brought gusts of up to 93mph to the west coast, toppling trees and closing major bridges.\n\n"
     "A man in his 70s died after a tree fell on his car on the A470 near Rhayader in Powys, Dyfed-Powys Police said.\n\n"
     "The Met Office issued an amber wind warning for much of Wales and north-west England until 18:00 GMT, with the highest gust recorded at Aberdaron on the Llŷn Peninsula. The Britannia Bridge to Anglesey was closed to all traffic and several ferry crossings from Holyhead to Dublin were cancelled.\n\n"
     "Transport for Wales suspended services on the Cambrian and Heart of Wales lines.",
     "Man killed as Storm Brannagh batters west coast",
     "A motorist has died after a tree fell onto his car in mid Wales as Storm Brannagh swept in from the Atlantic.\n\n"
     "The man, 74, from Llanidloes, was pronounced dead at the scene, police said. Emergency crews dealt with dozens of fallen trees across Powys and Ceredigion overnight.\n\n"
     "Energy network operator Western Power Grid said about 58,000 customers had lost supply at the peak and that engineers were working “in very challenging conditions”. In Cumbria, the M6 was briefly closed near Shap after a lorry overturned.\n\n"
     "Forecasters said winds would ease by Friday morning but warned of heavy rain and possible flooding on high ground."),

    # 21 -- Durban building fire
    ("Fire in Durban apartment block kills six, including two children",
     "DURBAN, Dec 6 (Reuters) - Six people, including two children, were killed when fire swept through a residential building in central Durban early on Sunday, South African emergency services said.\n\n"
     "The blaze broke out at around 2:30 a.m. on the third floor of the eight-storey block on Dr Pixley KaSeme Street and spread quickly through the building's stairwell, eThekwini municipality spokesperson Nomsa Zulu said. Eleven people were taken to hospital, three in a serious condition.\n\n"
     "The cause of the fire was not yet known.",
     "'We heard screaming': residents describe deadly Durban blaze",
     "Residents of a Durban apartment block where six people died in a pre-dawn fire on Sunday say they were woken by screams and thick smoke, and that the building's only fire escape was locked.\n\n"
     "“We tied sheets together to get my neighbour's kids down from the window,” said Sibusiso Ngcobo, who lives on the fifth floor.\n\n"
     "Firefighters took more than two hours to bring the blaze under control. Police have opened an inquest docket and the city's fire department said it would investigate whether the building met safety codes. Eleven people were injured.\n\n"
     "KwaZulu-Natal's human settlements department said it had found temporary accommodation for 40 displaced residents."),

    # 22 -- Greek ferry aground
    ("Ferry runs aground off Greek island of Paros, 312 passengers evacuated",
     "ATHENS, Nov 19 (Reuters) - A passenger ferry ran aground off the Greek island of Paros on Thursday evening and all 312 passengers and 58 crew were safely taken off, the coast guard said.\n\n"
     "The Blue Kyma, sailing from Piraeus to Naxos, struck rocks near the entrance to Parikia harbour in strong winds shortly after 7 p.m., it said. There were no injuries. The coast guard said it had detained the vessel's captain, as is customary, and opened an investigation.\n\n"
     "A diver inspection found damage to the hull below the waterline but no fuel leak.",
     "Passengers ferried ashore after Blue Kyma hits rocks",
     "Hundreds of passengers were brought ashore by small boats and a tug at Paros after the ferry Blue Kyma ran aground as it approached the island's main port.\n\n"
     "“There was a loud bang and the whole ship shook,” passenger Eleni Markaki told state broadcaster ERT. “People were calm, the crew handed out life jackets straight away.”\n\n"
     "Winds of up to 8 Beaufort had been forecast in the Aegean. The ferry's operator, Kyklades Lines, said it was arranging onward travel for passengers to Naxos and would cooperate with authorities. The captain and first officer were arrested, a routine step under Greek law."),

    # 23 -- CMA blocks vet deal (long A / short B)
    ("CMA blocks Elmstead Veterinary's £640m takeover of Barnsgate Vets",
     "Britain's competition regulator has blocked Elmstead Veterinary Group's £640m takeover of rival Barnsgate Vets, saying the deal would leave pet owners in dozens of towns facing higher prices and less choice.\n\n"
     "The Competition and Markets Authority said on Tuesday that the merger would have given the combined group more than half of local vet practices in 47 areas, mostly in the south-west of England and the Midlands. Remedies offered by Elmstead, including the sale of 31 surgeries, did not go far enough, it said.\n\n"
     "“Many pet owners don't realise that their local practice belongs to a big chain, and that the practice down the road may belong to the same one,” said Hannah Oyelaran, who chaired the CMA's inquiry panel. “This deal would have reduced competition further in a market where prices have risen far faster than inflation.”\n\n"
     "Elmstead, owned by private equity firm Tannery Partners, said it was “deeply disappointed” and was considering an appeal to the Competition Appeal Tribunal. It said the deal would have funded investment in diagnostic equipment and out-of-hours services.\n\n"
     "The decision comes as the CMA separately presses ahead with its wider investigation into the veterinary sector, which has found that prices at vet practices rose by around 60 per cent between 2016 and 2023.\n\n"
     "Barnsgate, which operates 138 practices, said it would continue as an independent business.",
     "UK watchdog vetoes vet chain merger",
     "LONDON, Nov 17 (Reuters) - The Competition and Markets Authority on Tuesday prohibited Elmstead Veterinary Group's proposed 640 million pound purchase of Barnsgate Vets, after concluding that a divestment package of 31 clinics would not fix competition concerns. Elmstead's owner Tannery Partners is weighing a challenge. It is the first time the CMA has blocked a deal outright in the vet sector."),

    # 24 -- Scottish supermarket strike
    ("McAllister's staff to strike in Christmas week after pay talks fail",
     "Workers at Scottish supermarket chain McAllister's will walk out for three days in the run-up to Christmas after rejecting a 3.2% pay offer, the shopworkers' union Usdaw said on Monday.\n\n"
     "The strike, from Dec. 21 to Dec. 23, will involve about 4,000 staff at the chain's 96 stores and two distribution centres. In a ballot, 81% of members who voted backed industrial action on a turnout of 64%.\n\n"
     "McAllister's, which is family-owned and based in Perth, said it was “disappointed” and that stores would remain open.",
     "Supermarket walkout threatens festive food shop",
     "Shoppers could face empty shelves over the festive period after around 4k workers at McAllister's voted to strike just before Christmas.\n\n"
     "Usdaw regional officer Lorna Gillespie said staff had been offered “a real-terms pay cut dressed up as a rise” and that many relied on food banks. “Our members keep these shops running. They don't take this step lightly,” she said.\n\n"
     "The grocer said its offer was the best it could afford after a year of rising energy and transport costs, and that it had contingency plans in place, including drafting in head-office staff. Talks at the conciliation service Acas are due later this week."),

    # 25 -- cheese recall
    ("Fernleigh Dairy recalls soft cheeses over listeria fears",
     "Fernleigh Dairy is recalling four of its soft cheeses because listeria monocytogenes has been found in some batches, the Food Standards Agency said on Wednesday.\n\n"
     "The products affected are Fernleigh Somerset Brie 200g, Fernleigh Camembert 250g, Fernleigh Cornish Blue 180g and Fernleigh Oak-Smoked Brie 200g, with use-by dates up to and including 28 December.\n\n"
     "The FSA said customers should not eat the products and return them for a full refund. Listeria can cause serious illness in pregnant women, newborns, older people and those with weakened immune systems. No illnesses have been reported.",
     "Listeria found at Somerset cheesemaker, four lines pulled from shelves",
     "A Somerset cheesemaker has pulled four varieties from supermarket shelves after routine testing at its creamery near Shepton Mallet found listeria.\n\n"
     "Fernleigh Dairy's managing director, Alastair Penhale, said production of the affected cheeses had been stopped while the site is deep-cleaned. “We're very sorry. Food safety is our absolute priority and we acted as soon as the results came back,” he said.\n\n"
     "The cheeses, including the firm's award-winning Cornish Blue, are sold in several national chains and farm shops. The recall comes just weeks before Christmas, the company's busiest time of year, when it typically sells about a third of its annual output."),

    # 26 -- yen slide
    ("Yen slides past 165 per dollar, Japan warns against 'excessive' moves",
     "TOKYO, Dec 8 (Reuters) - The yen fell past 165 per dollar for the first time in more than two years on Tuesday, prompting Japan's top currency diplomat to warn that authorities were ready to act against speculative moves.\n\n"
     "The dollar rose as high as 165.22 yen in Asian trading, its strongest since mid-2024, as investors bet that the Bank of Japan would hold off on raising interest rates this month while U.S. yields stayed elevated.\n\n"
     "“We are watching markets with a high sense of urgency and will take appropriate action against excessive moves,” Kenta Oshiro, vice finance minister for international affairs, told reporters. He declined to say whether Tokyo had intervened.\n\n"
     "The yen later recovered slightly to 164.70.",
     "Japanese currency hits weakest since 2024 as BOJ bets fade",
     "The Japanese currency weakened beyond ¥165 against the US dollar, reviving memories of 2024 when Tokyo spent tens of billions of dollars propping it up.\n\n"
     "Traders have scaled back expectations of a Bank of Japan rate increase at its December 17-18 meeting after weaker-than-expected wage data. “The market is testing the Ministry of Finance, and it's doing so in thin pre-holiday liquidity,” said Haruka Mizoguchi, chief FX strategist at Kasumi Securities.\n\n"
     "A weaker yen flatters exporters' earnings but pushes up the price of imported food and fuel. The Nikkei 225 rose 1.1%, led by carmakers."),

    # 27 -- breach settlement
    ("Judge approves $725 million Crestmoor Health data breach settlement",
     "A federal judge in Nashville on Friday gave final approval to a $725 million settlement resolving class-action claims over a 2024 cyberattack on hospital operator Crestmoor Health that exposed the medical records of about 19 million patients.\n\n"
     "U.S. District Judge Marianne Whitlow called the deal “fair, reasonable and adequate,” rejecting objections from a small group of class members who argued that lawyers' fees of about $181 million were too high.\n\n"
     "Under the settlement, patients can claim up to $7,500 in documented losses or a cash payment of roughly $100. Crestmoor did not admit wrongdoing.",
     "Crestmoor hack victims can now claim payouts after court signs off",
     "Millions of people whose medical information was stolen in the Crestmoor Health hack can begin filing claims after a court approved the company's settlement, one of the largest ever over a healthcare data breach.\n\n"
     "The Tennessee-based hospital chain agreed last spring to pay $725m. Affected patients have until May 14 to submit a claim online or by mail. Those who do not want cash can instead choose four years of identity-theft protection.\n\n"
     "“This won't undo the damage, but it puts real money in patients' pockets,” said lead plaintiffs' attorney Gregory Saldana. A Crestmoor spokesperson said the company had since spent more than $300m strengthening its security systems."),

    # 28 -- AI funding round (long A / short B)
    ("AI start-up Halcyra raises $2 billion at $30 billion valuation",
     "SAN FRANCISCO, Nov 12 (Reuters) - Halcyra, an artificial intelligence start-up that builds software agents for banks and insurers, has raised $2 billion in a funding round that values it at $30 billion, the company said on Thursday, nearly triple its valuation in March.\n\n"
     "The round was led by investment firm Larkspur Capital, with participation from Singapore's sovereign wealth fund GIC and existing backers including Foxglove Ventures, Halcyra said.\n\n"
     "Founded in 2023 by former bank technologists Priya Venkataraman and Oskar Lindmark, the company sells AI systems that handle tasks such as checking loan documents, processing insurance claims and answering compliance queries. It said annualised revenue had passed $900 million, up from about $250 million at the start of the year.\n\n"
     "“Financial services are drowning in paperwork, and agents that can read, reason and act are finally good enough to take that work on,” Venkataraman, Halcyra's chief executive, said in an interview.\n\n"
     "The company plans to use the money to buy computing capacity, expand in Europe and Asia and hire about 600 people next year, taking its headcount to around 1,500.\n\n"
     "Investors have poured money into AI firms that sell to businesses, betting that corporate customers will pay for tools that automate back-office work. Critics say valuations have run far ahead of revenues.\n\n"
     "Halcyra said it was not planning an initial public offering in the next 12 months.",
     "Halcyra's valuation nearly triples to $30bn",
     "Enterprise AI company Halcyra has pulled in $2bn of fresh funding led by Larkspur Capital, lifting its valuation to $30bn from $11bn in the spring. The San Francisco firm, whose agents automate claims processing and loan checks for lenders and insurers, says its annual revenue run-rate is now above $900mn. Co-founder Oskar Lindmark said the cash would go mostly on chips."),

    # 29 -- energy price cap
    ("Energy price cap to rise 3% in January, Ofgem says",
     "Household energy bills in Great Britain will rise by 3% from January, the regulator Ofgem has announced, adding about £53 a year to the average dual fuel bill.\n\n"
     "The price cap for a typical household paying by direct debit will increase from £1,759 to £1,812 a year for the three months from 1 January, Ofgem said on Friday. The rise is mainly due to higher wholesale gas prices and the cost of upgrading the electricity network.\n\n"
     "Ofgem's chief executive, Martin Rudge, said: “We know any increase is unwelcome, particularly in winter. Anyone struggling should contact their supplier, who must offer support.”\n\n"
     "Charity National Energy Action said around 6 million households were in fuel poverty.",
     "UK energy bills set to climb again in new year",
     "LONDON, Nov 20 (Reuters) - Britain's energy regulator said on Friday it would raise its cap on household energy prices by 3% from January, the second consecutive quarterly increase, as wholesale gas costs climbed and network charges rose.\n\n"
     "The cap on annual bills for a typical household will rise by 53 pounds to 1,812 pounds. Analysts at consultancy Cornwall Insight had forecast a 2.5% increase.\n\n"
     "Consumer groups called on the government to do more to help low-income households. Opposition politicians said the rise undermined promises to cut bills."),

    # 30 -- cruise ship norovirus
    ("More than 200 sickened by norovirus on cruise ship Celestine Voyager",
     "MIAMI (AP) — More than 200 passengers and crew on a Caribbean cruise have fallen ill with a stomach bug identified as norovirus, U.S. health officials said Monday.\n\n"
     "The Centers for Disease Control and Prevention said 198 of the Celestine Voyager's roughly 2,900 passengers and 14 crew members reported vomiting and diarrhea during the 10-day voyage, which left Fort Lauderdale, Florida, on Nov. 28.\n\n"
     "Operator Celestine Cruises said it had increased cleaning and disinfection and that sick passengers were isolated in their cabins. The ship is due back in Port Everglades on Tuesday.",
     "Stomach bug outbreak sweeps Caribbean cruise",
     "Passengers aboard the Celestine Voyager have described spending days confined to their cabins after a norovirus outbreak spread through the ship during a Caribbean itinerary.\n\n"
     "“They slid meals under the door on trays. Half the dining room was empty,” said Karen Whitsett, 61, from Ohio, who said she and her husband fell ill after a stop in St. Kitts.\n\n"
     "The cruise line said the number of new cases had dropped sharply since the weekend and that the ship would undergo a deep clean before its next sailing. The CDC's Vessel Sanitation Program said its staff would board the ship when it docks. It is the fifth norovirus outbreak on a cruise ship reported to the agency this year."),

    # 31 -- insider trading verdict
    ("Former Blakemore Capital fund manager found guilty of insider trading",
     "A former fund manager at London investment firm Blakemore Capital has been found guilty of insider dealing after a six-week trial at Southwark Crown Court, the Financial Conduct Authority said on Wednesday.\n\n"
     "Julian Petheridge, 44, used confidential information about three takeover bids that he obtained from a friend working at a corporate advisory firm to trade shares in the target companies between 2021 and 2023, making profits of about £1.3 million, the FCA said.\n\n"
     "His friend, Sebastian Noakes, 45, was also convicted. Both will be sentenced on 29 January. Insider dealing carries a maximum sentence of 10 years in prison.",
     "Ex-Blakemore trader convicted over tip-offs from old school friend",
     "LONDON, Dec 2 (Reuters) - A jury on Wednesday convicted former Blakemore Capital portfolio manager Julian Petheridge of insider dealing, in one of the largest cases brought by Britain's financial watchdog in recent years.\n\n"
     "Prosecutors said Petheridge and Sebastian Noakes, who had been at school together, communicated through an encrypted messaging app and met in pubs to pass on details of pending deals. Noakes, who worked at advisory boutique Linfield Partners, was found guilty of disclosing inside information.\n\n"
     "Petheridge's lawyer said his client would consider an appeal. Blakemore said it had cooperated fully with the investigation and that Petheridge left the firm in 2023."),
]

# EN_FLASH8: list of 10 tuples (flash_title, flash_body, k).
#   A one-line wire flash on the same event as EN_SAME8[k]. Expected label: same story as either side of EN_SAME8[k].
EN_FLASH8 = [
    ("GARROWBY CHEMICALS TO ACQUIRE QUENTON ADHESIVES FOR $47.20/SHR IN CASH, ENTERPRISE VALUE $3.55 BLN",
     "Garrowby Chemicals to buy Quenton Adhesives for $47.20 per share in cash; deal expected to close in second half of 2027.",
     0),
    ("BANK OF ISRAEL CUTS KEY RATE BY 25 BPS TO 3.50%",
     "Bank of Israel lowers benchmark rate to 3.50% from 3.75%; says inflation environment allows support for activity.",
     1),
    ("BREAKING: Wardline Security opens at $34.60 in NYSE debut vs IPO price of $26",
     "Cybersecurity firm Wardline Security (WDLN) opens 33% above IPO price on New York Stock Exchange.",
     4),
    ("INDIA JULY-SEPT GDP +7.1% Y/Y (POLL +6.9%); APRIL-JUNE +7.8%",
     "India's economy grew 7.1% in the July-September quarter, statistics ministry says.",
     9),
    ("LME COPPER HITS RECORD $12,460/T AS STRIKE HALTS ANDESSA'S CERRO ALBO MINE IN CHILE",
     "Three-month copper on LME up 3.4% at record high after union at Chile's Cerro Albo mine walks out.",
     10),
    ("FLASH: Lehtola wins ATP Finals, beats Marchand 6-4 3-6 7-6(5)",
     "Finland's Aarni Lehtola wins ATP Finals in Turin, beating Lucien Marchand of France in three sets.",
     15),
    ("QUAKE - MAGNITUDE 6.1 EARTHQUAKE STRIKES GUATEMALA - USGS",
     "Quake of magnitude 6.1 strikes near San Marcos, Guatemala, at depth of 74 km, USGS says; at least three dead - CONRED.",
     19),
    ("UK CMA PROHIBITS ELMSTEAD VETERINARY'S 640 MLN STG ACQUISITION OF BARNSGATE VETS",
     "Competition and Markets Authority blocks Elmstead-Barnsgate vet merger, says remedies insufficient.",
     23),
    ("DOLLAR RISES ABOVE 165 YEN FOR FIRST TIME SINCE 2024; JAPAN'S OSHIRO SAYS WILL ACT AGAINST EXCESSIVE MOVES",
     "Yen weakens past 165 per dollar; Japan's top currency diplomat warns of action.",
     26),
    ("BREAKING: Ex-Blakemore Capital fund manager Petheridge guilty of insider dealing - FCA",
     "Former Blakemore Capital fund manager Julian Petheridge convicted of insider dealing at Southwark Crown Court.",
     31),
]

# EN_TOPIC8: list of 40 tuples (title_a, body_a, title_b, body_b, hours_apart).
#   Hard negatives: two DIFFERENT stories sharing an entity, place, topic or kind of event, published hours_apart hours apart (0-72). Expected label: different stories.
EN_TOPIC8 = [
    # 0 -- two central banks on the same day
    ("Peru's central bank holds key rate at 4.25% for third month",
     "LIMA, Dec 10 (Reuters) - Peru's central bank kept its benchmark interest rate unchanged at 4.25% on Thursday, as expected, saying inflation was within its target range and the economy was growing close to its potential.\n\n"
     "Annual inflation in Lima stood at 2.1% in November, the bank said in a statement, near the midpoint of its 1%-3% target. All 12 analysts polled by Reuters had forecast no change.\n\n"
     "The bank said future adjustments would depend on new information on inflation and its determinants, language it has used for several months. Economists expect rates to stay on hold into the first half of 2027 as the country heads toward general elections.",
     "Philippine central bank cuts rates by 25 bps to support slowing growth",
     "MANILA, Dec 10 (Reuters) - The Philippine central bank cut its key interest rate by 25 basis points to 4.50% on Thursday, its third reduction this year, as it sought to shore up an economy that grew at its slowest pace in more than four years in the third quarter.\n\n"
     "Bangko Sentral ng Pilipinas Governor Ramon Estacio told a news conference that inflation, at 1.9% in November, was expected to stay within the 2%-4% target over the policy horizon, giving room to ease. Fifteen of 20 economists polled had predicted the cut.\n\n"
     "The peso weakened 0.3% after the decision. Estacio said the bank was “nearing the end” of its easing cycle.",
     10),

    # 1 -- company results, then layoffs two days later
    ("Ambleside Software revenue beats estimates on cloud subscriptions",
     "Ambleside Software reported third-quarter revenue above Wall Street expectations on Tuesday, helped by customers moving its accounting and payroll products to cloud subscriptions, and its shares rose 6% in after-hours trading.\n\n"
     "Revenue rose 11% to $1.62 billion in the quarter ended Sept. 30, compared with analysts' average estimate of $1.58 billion. Adjusted earnings per share were $1.34, above the $1.27 expected.\n\n"
     "Chief Executive Dana Whitcroft said annual recurring revenue from cloud products passed $4 billion for the first time. The company raised its full-year revenue forecast to between $6.35 billion and $6.40 billion.",
     "Ambleside Software to cut 900 jobs as it folds in AI tools",
     "Ambleside Software will eliminate about 900 jobs, or roughly 7% of its workforce, as it reorganises its sales and customer support teams around artificial intelligence tools, according to a regulatory filing on Thursday.\n\n"
     "The accounting software maker expects to record charges of $85 million to $100 million, mostly for severance, in the fourth quarter and early 2027. Most of the affected roles are in the United States, Ireland and India, the company said.\n\n"
     "In an email to staff, Chief Executive Dana Whitcroft said the company would “ask AI to do more of the repetitive work so our people can focus on customers”. Employees posted on social media that entire support teams in Dublin had been told their roles were at risk. Ambleside's shares were little changed.",
     48),

    # 2 -- two storms in one country
    ("Tropical Storm Talisay lashes Mindanao, forcing 30,000 to evacuate",
     "MANILA (AP) — Tropical Storm Talisay slammed into the southern Philippine island of Mindanao on Tuesday, bringing heavy rain and floods that forced about 30,000 people to flee to evacuation centers.\n\n"
     "The storm made landfall in Surigao del Sur province with sustained winds of 75 kph (47 mph), the weather agency PAGASA said. One person was reported missing after being swept away by a swollen river in Agusan del Sur.\n\n"
     "Classes were suspended in several provinces and about 40 domestic flights were canceled. Talisay was expected to cross Mindanao and weaken over the Sulu Sea by Wednesday.",
     "Typhoon Marilag slams into northern Luzon, cutting power to 1 million",
     "MANILA, Dec 4 (Reuters) - Typhoon Marilag made landfall in the northern Philippine province of Isabela on Friday with gusts of up to 205 kph, knocking out power to more than a million people and triggering landslides in mountain villages, disaster officials said.\n\n"
     "At least four people were killed, including two children buried by a landslide in Nueva Vizcaya. More than 160,000 people had been evacuated ahead of the storm, the National Disaster Risk Reduction and Management Council said.\n\n"
     "Marilag, the strongest storm to hit Luzon this year, was forecast to exit into the South China Sea on Saturday. It came days after Tropical Storm Talisay caused flooding in the south of the country.",
     60),

    # 3 -- two IPOs in the same week
    ("Cobbett Pharma prices Nasdaq IPO at $18, middle of range",
     "Cobbett Pharma, a developer of treatments for rare metabolic disorders, priced its initial public offering at $18 per share on Tuesday, in the middle of its marketed range of $17 to $19, raising $306 million.\n\n"
     "The Boston-based company sold 17 million shares. It is expected to begin trading on the Nasdaq on Wednesday under the symbol “CBPH”. At the IPO price, Cobbett is valued at about $1.4 billion.\n\n"
     "The company's lead drug candidate, for a genetic disorder that causes dangerous build-ups of ammonia in the blood, is in late-stage trials, with results expected in mid-2027.",
     "Pinemarten Outdoor raises $540 million in above-range NYSE IPO",
     "NEW YORK, Nov 18 (Reuters) - Outdoor clothing and gear maker Pinemarten priced its U.S. initial public offering above its marketed range on Wednesday, raising $540 million in one of the largest consumer listings of the year.\n\n"
     "The company and its private equity owner, Cairnhill Capital, sold 24.5 million shares at $22 each, above the $19 to $21 range. The Portland, Oregon-based company will begin trading on the New York Stock Exchange on Thursday under the ticker “PMTN”, with a valuation of about $3.9 billion.\n\n"
     "Pinemarten, known for its waterproof jackets and hiking boots, reported net sales of $1.7 billion for the 12 months ended September.",
     26),

    # 4 -- one team's two matches
    ("Betis win Seville derby as Quintero scores twice",
     "SEVILLE, Spain (AP) — Andrés Quintero scored twice as Real Betis beat Sevilla 3-1 in the Seville derby on Sunday to move into fifth place in La Liga.\n\n"
     "Quintero opened the scoring with a header in the 21st minute and added a second from the penalty spot after halftime. Sevilla pulled one back through Marcos Ledesma before substitute Iker Salaberri sealed the win in stoppage time.\n\n"
     "Sevilla has now gone seven league matches without a win.",
     "Betis stunned by late goal at Sporting Braga in Europa League",
     "Real Betis slipped to a 2-1 defeat at Sporting Braga in the Europa League on Thursday, conceding a stoppage-time winner three days after their derby celebrations.\n\n"
     "Betis, who rested derby hero Andrés Quintero until the hour mark, took the lead through Rafa Moyano's curling free kick before Braga equalised with a header from Gonçalo Teixeira. Brazilian forward Wendell Almeida then struck in the 93rd minute.\n\n"
     "The defeat leaves the Spanish side 14th in the league-phase table with two matches to play, outside the automatic qualification places.",
     72),

    # 5 -- two earthquakes in one country
    ("Magnitude 5.3 earthquake shakes Crete, minor damage reported",
     "ATHENS, Nov 9 (Reuters) - An earthquake of magnitude 5.3 struck off the southern coast of the Greek island of Crete early on Monday, causing minor damage to old buildings but no injuries, authorities said.\n\n"
     "The Geodynamic Institute of Athens said the quake hit at 04:12 local time at a depth of 38 km, about 40 km south of the town of Ierapetra. It was felt across much of the island.\n\n"
     "Schools in Ierapetra were closed for the day for inspections, and a rockfall briefly blocked a road near the village of Myrtos.",
     "Moderate quake rattles Evia, felt in Athens",
     "A magnitude 4.8 earthquake struck the island of Evia on Tuesday afternoon, sending people into the streets in several villages and shaking buildings in Athens, about 80 km away.\n\n"
     "The epicentre was near the village of Prokopi in the north of the island, at a shallow depth of 9 km, according to the Geodynamic Institute. The fire service said it had received no calls about injuries, though cracks appeared in the walls of a church and a primary school.\n\n"
     "Seismologist Eleni Karastathi said the tremor was not connected to Monday's quake off Crete. “These are separate fault systems hundreds of kilometres apart,” she told state television.",
     30),

    # 6 -- one company, two unrelated announcements
    ("Garrowby to shut Louisiana chlorine plant, cutting 310 jobs",
     "Garrowby Chemicals will close its chlorine and caustic soda plant in Lake Charles, Louisiana, by the end of 2027, eliminating about 310 jobs, the company said on Wednesday, citing weak demand and competition from imports.\n\n"
     "The plant, which opened in 1974, will take a pre-tax charge of about $180 million, mainly for asset write-downs and site clean-up, Garrowby said.\n\n"
     "“This was a difficult decision for a site with a long history,” said Lorna Fairweather, Garrowby's chief executive. Local officials said the closure would hit suppliers and contractors across Calcasieu Parish.",
     "Garrowby names Solberg as finance chief",
     "Garrowby Chemicals has appointed Harriet Solberg as chief financial officer, effective Jan. 4, the company said on Friday. Solberg, 51, is currently finance chief of industrial gases supplier Brannock Group and previously held senior roles at a large European chemicals company.\n\n"
     "She succeeds Michael Ostrowe, who announced in August that he would retire after 11 years with the company. Ostrowe will remain as an adviser until March.\n\n"
     "Solberg will oversee Garrowby's financing and integration planning and report to Chief Executive Lorna Fairweather.",
     40),

    # 7 -- two medtech deals on the same day
    ("Calverley Medical to buy Ostwind Diagnostics for $1.2 billion",
     "Calverley Medical agreed on Monday to buy Ostwind Diagnostics, which makes rapid blood tests for sepsis, for about $1.2 billion in cash, expanding its hospital testing business.\n\n"
     "Calverley will pay $31 per share, a 38% premium to Ostwind's closing price on Friday. The deal is expected to close in the first quarter of 2027 and to add to Calverley's adjusted earnings in 2028.\n\n"
     "Ostwind's shares jumped 35% in early trading. The San Diego company's tests can detect sepsis in about 20 minutes, compared with hours for conventional cultures.",
     "Pathwell Labs agrees $840 million deal for imaging firm Lucerna",
     "Pathwell Labs said on Monday it would acquire Lucerna Imaging, a maker of portable ultrasound devices, for $840 million including debt, as the diagnostics group pushes into point-of-care imaging.\n\n"
     "The deal, to be paid in a mix of cash and Pathwell stock, values Lucerna at about six times its expected 2026 revenue. Lucerna, based in Minneapolis, sells handheld scanners to emergency departments and primary care clinics in 30 countries.\n\n"
     "Pathwell Chief Executive Ray Corbin said the acquisition would help the company sell “a complete diagnostic toolkit” to physicians. Pathwell shares fell 3%.",
     5),

    # 8 -- two data releases from one country
    ("Mexico's annual inflation slows to 3.6% in November",
     "MEXICO CITY, Dec 9 (Reuters) - Mexico's annual inflation rate slowed to 3.6% in November, its lowest in nearly six years, helped by cheaper farm produce and seasonal electricity subsidies, data from statistics agency INEGI showed on Wednesday.\n\n"
     "The figure compared with a forecast of 3.7% in a Reuters poll and 3.9% in October. Core inflation, which strips out volatile food and energy prices, eased to 3.8%.\n\n"
     "The data support expectations that the Bank of Mexico will cut its key rate again at its meeting next week.",
     "Mexican industrial output falls 0.8% in October on weaker auto production",
     "Mexico's industrial production fell 0.8% in October from the previous month, dragged down by lower output at car factories and a slump in construction, the national statistics institute said on Friday.\n\n"
     "On an annual basis, industrial output dropped 2.1%. Manufacturing shrank 1.2% month-on-month, with vehicle assembly plants in the northern states of Coahuila and Nuevo León cutting shifts amid softer U.S. demand.\n\n"
     "“Industry is in a recession in all but name,” said Alejandra Cuevas, an economist at Grupo Financiero Alameda. Mining output rose 0.4%.",
     48),

    # 9 -- two strikes in one country
    ("French rail strike cancels half of TGV services",
     "PARIS, Nov 24 (Reuters) - Half of France's high-speed TGV trains were cancelled on Tuesday as rail workers went on strike over a plan to open more regional lines to private operators, state railway SNCF said.\n\n"
     "The strike, called by the CGT-Cheminots and SUD-Rail unions, also disrupted regional TER and Paris commuter services, with only one in three trains running on some RER lines. Eurostar services were not affected.\n\n"
     "Unions said the walkout could be extended into the weekend if the government does not withdraw the reform.",
     "Security staff strike causes long queues at Paris airports",
     "Passengers faced waits of up to two hours at Paris Charles de Gaulle and Orly airports on Wednesday as security screening staff employed by private contractors walked out over pay.\n\n"
     "The strike, called by the FO union, affected checkpoints at Terminal 2 at Charles de Gaulle and at Orly 1 and 2. Groupe ADP, which runs the airports, advised passengers to arrive at least three hours before their flights.\n\n"
     "Several airlines said some passengers had missed flights. The union is demanding a 6% pay rise and a bonus for night shifts. Talks with employers' federation representatives are scheduled for Friday.",
     24),

    # 10 -- two bushfires on the same day
    ("Bushfire in Blue Mountains forces evacuation of Mount Victoria",
     "Residents of Mount Victoria in the NSW Blue Mountains were told to leave immediately on Saturday afternoon as a bushfire burning in the Grose Valley jumped containment lines in hot, gusty conditions.\n\n"
     "The NSW Rural Fire Service issued an emergency warning for the village shortly after 2pm, saying it was too late to leave for some properties west of the Great Western Highway. The highway was closed between Blackheath and Lithgow.\n\n"
     "More than 180 firefighters and six water-bombing aircraft were working on the blaze, which had burnt about 4,200 hectares. No homes had been lost by late afternoon.",
     "Perth Hills blaze destroys three homes near Mundaring",
     "PERTH, Dec 12 (AAP) - A fast-moving bushfire in the Perth Hills has destroyed at least three homes and damaged several more near Mundaring, Western Australia's Department of Fire and Emergency Services says.\n\n"
     "The fire started near Sawyers Valley early on Saturday morning and was pushed east by strong winds, burning through more than 900 hectares of bushland. An emergency warning was issued for parts of Mundaring and Chidlow, and an evacuation centre opened at Swan View.\n\n"
     "DFES incident controller Karen Moylan said one firefighter suffered minor burns. Police are investigating whether the fire was deliberately lit.",
     6),

    # 11 -- two matches in one league on the same day
    ("Palace sink West Ham with two second-half goals",
     "Crystal Palace beat West Ham United 2-0 at Selhurst Park on Saturday to climb to 10th in the Premier League.\n\n"
     "Winger Daniel Adebayo-Shaw broke the deadlock in the 52nd minute with a low shot from the edge of the area, and striker Mathis Renard doubled the lead from close range 15 minutes later after West Ham goalkeeper Pavel Hruška spilled a cross.\n\n"
     "West Ham, who had defender Luca Benassi sent off for a second booking late on, remain 17th, two points above the relegation zone.",
     "Brentford and Bournemouth share points in lively draw",
     "Brentford and Bournemouth played out a 1-1 draw at the Gtech Community Stadium on Saturday, with both goalkeepers making a string of saves.\n\n"
     "Bournemouth took the lead when Ethan Colville headed in from a corner in the 30th minute. Brentford equalised in the 74th minute through Jonas Aalberg, who fired in after a quick throw-in.\n\n"
     "The point leaves Bournemouth eighth and Brentford 12th. “We probably deserved more, but a draw away from home in this league is never a bad result,” Colville said.",
     2),

    # 12 -- two recalls for the same kind of defect
    ("Yamato Motors recalls 95,000 SUVs over seat belt pretensioner flaw",
     "Yamato Motors is recalling about 95,000 Kaze SUVs in the United States because a seat belt pretensioner may not activate properly in a crash, the National Highway Traffic Safety Administration said on Tuesday.\n\n"
     "The recall covers 2024-2026 model-year vehicles. NHTSA said a wiring harness under the front seats could be pinched during assembly, which can disconnect the pretensioner that tightens the belt in a collision.\n\n"
     "Dealers will inspect and replace the harness free of charge. Yamato said it was not aware of any injuries related to the issue.",
     "Brantley Motors recalls 61,000 pickups because rear seat belts may not latch",
     "Detroit-based Brantley Motors is recalling about 61,000 Ironside pickup trucks in the U.S. because the rear center seat belt buckle may fail to latch, increasing the risk of injury in a crash, according to documents posted by federal safety regulators on Wednesday.\n\n"
     "The recall affects some 2025 and 2026 model trucks built at the company's Fort Wayne, Indiana, plant. Brantley said a supplier used the wrong spring in the buckle mechanism.\n\n"
     "Owners will be notified by letter in late January. Brantley said it had received three warranty claims related to the problem and knew of no injuries.",
     30),

    # 13 -- one regulator, two fines in a week
    ("FCA fines Penmarric Wealth £4.8m over unsuitable investment advice",
     "The Financial Conduct Authority has fined Penmarric Wealth £4.8 million for failing to ensure that advice given to retail customers on high-risk investments was suitable.\n\n"
     "The regulator said on Monday that between 2019 and 2023 the Bristol-based adviser recommended that more than 1,100 clients put money into unlisted property bonds, many of which later failed. Penmarric has also agreed to a redress scheme expected to pay out about £19 million to customers.\n\n"
     "Penmarric, which cooperated with the investigation, received a 30% discount on the fine for settling early.",
     "Stourton Bank hit with £11.2m FCA penalty over treatment of borrowers in arrears",
     "LONDON, Nov 4 (Reuters) - Britain's Financial Conduct Authority on Wednesday fined Stourton Bank 11.2 million pounds for failing to treat mortgage customers in financial difficulty fairly.\n\n"
     "The FCA said the mid-sized lender had applied arrears fees and pushed borrowers towards repayment plans they could not afford between 2020 and 2024, affecting around 14,000 customers. The bank has already paid 23 million pounds in compensation.\n\n"
     "Stourton Chief Executive Graham Lyle said the bank had “fallen short” and had since overhauled its collections process.",
     50),

    # 14 -- one country's politics, two different stories
    ("Swedish government unveils bill to tighten citizenship rules",
     "STOCKHOLM, Nov 17 (Reuters) - Sweden's government on Tuesday presented a bill that would raise the residency requirement for citizenship to eight years from five and introduce a compulsory language and civics test, in one of the country's most significant changes to citizenship law in decades.\n\n"
     "Migration Minister Anton Berglöf said the reforms, due to take effect in June 2027 if approved by parliament, were needed so that citizenship would “mean something”. Critics, including several refugee organisations, said the longer wait would hinder integration.",
     "Sweden's Centre Party leader Lövgren resigns after election drubbing",
     "The leader of Sweden's Centre Party, Karin Lövgren, announced her resignation on Wednesday after barely a year in the post, saying the party needed a fresh start after its worst result in decades in September's general election.\n\n"
     "The party only narrowly cleared the 4% threshold needed to win seats in the Riksdag, taking 4.2% of the vote. “I did not manage to turn the trend around, and I take responsibility for that,” Lövgren told reporters in Stockholm.\n\n"
     "The party's board will propose a candidate to succeed her at an extraordinary congress in February. Deputy leader Johan Ekdahl was widely tipped as a contender.",
     24),

    # 15 -- two incidents at the same airport
    ("Passenger jet blows tyre on landing at Dublin Airport",
     "A passenger jet arriving from Málaga burst a tyre on landing at Dublin Airport on Sunday evening, forcing the closure of the north runway for almost two hours.\n\n"
     "None of the 186 passengers and six crew on the Shamrock Air flight was hurt. They were taken to the terminal by bus after the aircraft was inspected by the airport fire service.\n\n"
     "A spokesperson for daa, the airport operator, said flights were switched to the south runway and there were some delays. The Air Accident Investigation Unit has been informed.",
     "Drone sightings suspend flights at Dublin Airport for second time this year",
     "Flights at Dublin Airport were suspended for about 50 minutes on Tuesday morning after reports of a drone flying near the airfield, causing nine inbound flights to be diverted to Shannon, Belfast and Cork.\n\n"
     "daa said operations were halted at 07:35 as a precaution in line with safety protocols and resumed at 08:25. Gardaí were investigating.\n\n"
     "Minister of State for Transport Conor Feehily said legislation to give gardaí and the Defence Forces powers to disable drones would be brought to Cabinet before Christmas. It was the second drone-related suspension at the airport this year.",
     40),

    # 16 -- one bank, new CEO then profit warning
    ("Halliwell Bank names Nadia Kerr as chief executive",
     "Halliwell Bank said on Monday it had appointed Nadia Kerr, head of its commercial banking division, as chief executive, succeeding Peter Langridge, who is retiring after eight years.\n\n"
     "Kerr, 47, will take over on March 1. She joined Halliwell in 2016 from a large Scottish lender and has run the commercial bank since 2021, during which time its lending to small businesses grew by about a third.\n\n"
     "Chair Elaine Fothergill said the board had considered external candidates but that Kerr was “the outstanding choice”. Shares in the lender were little changed.",
     "Halliwell Bank shares slide after profit warning on loan losses",
     "Shares in Halliwell Bank fell 11% on Thursday after the lender warned that full-year profit would come in well below market expectations because of higher-than-expected losses on loans to commercial property developers.\n\n"
     "The bank said it expected to book impairment charges of around £240 million for 2026, compared with previous guidance of £150 million, after several developers in the north of England entered administration.\n\n"
     "Analysts at Greaves & Hart cut their price target and said the warning would “take some of the shine off” the incoming chief executive's first results. Halliwell said its capital position remained strong.",
     72),

    # 17 -- cyberattack, then CEO resignation
    ("Thornfield Retail says cyberattack has disrupted online orders",
     "Home furnishings retailer Thornfield said on Monday that it had been hit by a cyberattack that forced it to suspend online orders and click-and-collect services.\n\n"
     "The company said in a stock exchange statement that it had detected “suspicious activity” on its systems over the weekend and had taken some systems offline as a precaution. Its 140 stores remained open and were taking card payments.\n\n"
     "Thornfield said it was working with external cybersecurity experts and had notified the Information Commissioner's Office. It was not yet clear whether customer data had been accessed. Shares fell 7%.",
     "Thornfield chief executive quits in row over strategy",
     "Thornfield's chief executive, Gareth Mullaney, has resigned with immediate effect after a disagreement with the board over the retailer's plan to close up to 30 stores, the company said on Thursday.\n\n"
     "Chief financial officer Anita Desai will act as interim chief executive while the board searches for a permanent successor. Mullaney, who joined in 2022, had argued for a slower programme of closures, according to two people familiar with the matter.\n\n"
     "The departure comes as the company is still recovering from a cyberattack that halted online orders earlier this week. Thornfield said online services were partly restored on Wednesday and that the two matters were unrelated.",
     72),

    # 18 -- rival retailers' results on the same day
    ("Hartwell's quarterly sales beat estimates as shoppers buy early gifts",
     "U.S. department store chain Hartwell's reported third-quarter comparable sales that beat analysts' estimates on Tuesday, as shoppers bought early holiday gifts and beauty products, and raised its full-year profit forecast. Its shares rose 8% in premarket trading.\n\n"
     "Comparable sales rose 2.4% in the quarter ended Nov. 1, versus expectations of a 0.9% increase. Net income was $86 million, or 31 cents a share, up from $54 million a year earlier.\n\n"
     "Chief Executive Lauren Pike said November sales had started “solidly” but that consumers remained choosy and responsive to discounts.",
     "Bellamy Home cuts forecast as big-ticket spending stays weak",
     "Home improvement retailer Bellamy Home cut its annual sales forecast on Tuesday, saying high mortgage rates continued to deter customers from large renovation projects, and its shares fell 5%.\n\n"
     "Comparable sales fell 1.8% in the third quarter, worse than the 0.6% decline analysts expected, with weakness in kitchens, flooring and outdoor furniture. Sales to professional contractors rose slightly.\n\n"
     "The company now expects full-year sales of $41.2 billion to $41.6 billion, down from a previous range of $42 billion to $42.5 billion. “Homeowners are choosing repair over remodel,” finance chief Dmitri Vasquez said on a call with analysts.",
     4),

    # 19 -- same tech company, two legal stories
    ("EU court upholds €620 million fine on Pixora over photo-app bundling",
     "The European Union's General Court on Wednesday dismissed photo-sharing company Pixora's appeal against a €620 million antitrust fine imposed by the European Commission in 2023 for tying its editing tools to its dominant sharing app.\n\n"
     "Judges in Luxembourg found that the Commission had correctly established that Pixora abused its dominant position by requiring smartphone makers that pre-installed its app to also install its editing suite.\n\n"
     "Pixora, which can appeal to the Court of Justice on points of law, said it was reviewing the judgment.",
     "FTC sues Pixora, alleging it misled users about deleting their photos",
     "WASHINGTON, Dec 10 (Reuters) - The U.S. Federal Trade Commission sued Pixora on Thursday, accusing the photo-sharing company of telling users that their deleted photos were permanently erased when copies were kept on its servers for years and used to train image-recognition systems.\n\n"
     "The complaint, filed in federal court in San Francisco, seeks civil penalties and an order requiring Pixora to delete the retained images and any models built with them.\n\n"
     "Pixora said the lawsuit “misrepresents our practices” and that it would fight the case.",
     20),

    # 20 -- oil market on consecutive days
    ("Oil jumps 2% as Libyan field shutdown tightens supply",
     "Oil prices rose about 2% on Monday after protesters forced the shutdown of Libya's Sahara Wadi oilfield, removing around 280,000 barrels per day from the market.\n\n"
     "Brent crude futures settled up $1.41, or 2.1%, at $68.55 a barrel. U.S. West Texas Intermediate crude gained $1.29, or 2%, to $65.02.\n\n"
     "Libya's National Oil Corporation declared force majeure on exports from the field late on Sunday. “Libya is the wild card that keeps coming back,” said Sanjay Patel, an analyst at Ridley Energy Advisers.",
     "Oil slips as surprise build in U.S. crude stocks revives glut worries",
     "HOUSTON, Dec 8 (Reuters) - Oil prices fell on Tuesday after industry data showed an unexpected rise in U.S. crude inventories, offsetting concerns about supply disruptions in Libya.\n\n"
     "Brent crude futures fell 62 cents, or 0.9%, to $67.93 a barrel, while WTI lost 71 cents to $64.31.\n\n"
     "Crude stocks rose by 3.8 million barrels in the week ended Dec. 4, according to market sources citing American Petroleum Institute figures, versus analyst expectations for a draw of about 1.5 million barrels. Gasoline inventories also climbed.\n\n"
     "Official government data are due on Wednesday.",
     24),

    # 21 -- one index on consecutive days
    ("FTSE 100 closes at record as miners and banks rally",
     "London's FTSE 100 closed at a record high on Monday, lifted by mining stocks on hopes of fresh Chinese stimulus and by banks after upbeat comments from the Bank of England on lenders' capital.\n\n"
     "The blue-chip index rose 0.9% to 10,412.6 points. The mid-cap FTSE 250 gained 0.6%.\n\n"
     "Copper miners led gains, with Antofagasta and Glencore each up more than 3%. Among individual movers, engineering group Rexley Systems jumped 9% after winning a large defence contract.",
     "FTSE 100 retreats from record as drugmakers weigh",
     "LONDON, Dec 15 (Reuters) - Britain's FTSE 100 fell on Tuesday, retreating from the record high hit in the previous session, as heavyweight drugmakers slipped and a stronger pound weighed on exporters.\n\n"
     "The blue-chip index closed down 0.7% at 10,339.2. Pharmaceutical stocks fell 1.8% after a U.S. official floated tighter curbs on drug imports.\n\n"
     "Data showed UK unemployment rose to 5.2% in the three months to October. Housebuilders bucked the trend, rising on bets of lower interest rates. Packaging firm Cardwell Group fell 6% after a profit warning.",
     24),

    # 22 -- two by-elections on the same night
    ("Reform UK gains Soar Valley in by-election",
     "Reform UK has won the Soar Valley by-election, taking the Leicestershire seat from Labour with a majority of 3,412.\n\n"
     "Reform's candidate, former police officer Darren Whitlock, won 38.6% of the vote. Labour's Priya Chauhan came second with 27.1%, while the Conservatives fell to third. Turnout was 36%.\n\n"
     "The by-election was called after Labour MP Andrew Keeling resigned to take up a post at a university. Whitlock said voters had “sent a message to Westminster that Soar Valley will not be taken for granted”.",
     "Lib Dems hold Lydbrook and Forest Vale with increased majority",
     "The Liberal Democrats comfortably held Lydbrook and Forest Vale in Gloucestershire in a by-election on Thursday, increasing their majority despite a strong showing from Reform UK.\n\n"
     "Councillor Helen Rowlatt won 46.2% of the vote, ahead of Reform's Mark Daventry on 29.8%. The Conservatives came third and the Greens fourth. Turnout was 41%.\n\n"
     "The vote was triggered by the death of Lib Dem MP Robert Kemble in September. “This is a community that votes for people who turn up,” Rowlatt said in her victory speech at the count in Cinderford.",
     1),

    # 23 -- two crimes in one city on the same day
    ("Man stabbed in Manchester city centre, teenager arrested",
     "A man has been taken to hospital with serious injuries after being stabbed near Piccadilly Gardens in Manchester city centre on Friday evening.\n\n"
     "Greater Manchester Police said officers were called at about 6.40pm to reports of a disturbance on Portland Street. The victim, aged in his 30s, was treated at the scene before being taken to hospital, where his condition was described as stable.\n\n"
     "A 17-year-old boy was arrested on suspicion of wounding with intent. A cordon remained in place into the night. Police said they were not looking for anyone else.",
     "Armed robbers target Salford post office",
     "Police are appealing for witnesses after two men armed with a knife and a hammer robbed a post office in Salford on Friday afternoon.\n\n"
     "The men entered the branch on Liverpool Street at around 1.30pm, threatened staff and escaped with a quantity of cash on a moped, Greater Manchester Police said. No one was injured, but staff were left shaken.\n\n"
     "Detective Sergeant Joanne Clegg said: “This was a terrifying experience for the staff and customers. Anyone with dashcam or doorbell footage from the area should get in touch.”",
     5),

    # 24 -- two phone launches on the same day
    ("Zephyra launches Z9 flagship with satellite texting",
     "Chinese smartphone maker Zephyra on Wednesday launched its Z9 flagship phone, which can send text messages via satellite without mobile coverage, as it tries to expand in Europe.\n\n"
     "The Z9 will cost 999 euros and go on sale in Germany, France, Spain and Italy from Dec. 10. The company says the phone's silicon-carbon battery lasts two days.\n\n"
     "Zephyra's European shipments grew 38% in the third quarter, according to research firm Canalys, making it the continent's fifth-largest brand.",
     "Ondo Mobile's X2 foldable aims to undercut rivals at $1,199",
     "Ondo Mobile unveiled the X2, a book-style foldable phone priced at $1,199, at an event in Seoul on Wednesday, hundreds of dollars below most competing foldables.\n\n"
     "The phone is 8.9mm thick when folded and has a 7.8-inch inner display. Ondo said it had reduced the visible crease in the screen by using a new hinge design.\n\n"
     "“Foldables have been a luxury item for too long,” Ondo president Min-jae Kwon said. The X2 will launch in South Korea next week and in the United States in January.",
     3),

    # 25 -- one company, AGM and trading update
    ("Marchmont shareholders narrowly back chief executive's pay",
     "Shareholders in pub and hotel group Marchmont narrowly approved the company's remuneration report at its annual meeting on Tuesday, with 54.3% voting in favour after proxy advisers recommended opposing it.\n\n"
     "Investors had objected to a one-off share award of up to £3.2m for chief executive Tim Rochester, granted after the group's takeover of a rival hotel chain.\n\n"
     "Chair Fiona Gask said the board would “engage with shareholders to understand their concerns”. Under UK corporate governance rules, a company that receives more than 20% of votes against a resolution must consult investors.",
     "Marchmont sales rise as Christmas bookings run ahead of last year",
     "Marchmont said on Thursday that like-for-like sales rose 4.1% in the 10 weeks to Dec. 5, helped by strong demand for food in its pubs and a busy autumn for its city-centre hotels.\n\n"
     "Christmas party bookings were running 9% ahead of last year, the company said. Hotel occupancy averaged 81% in the period, and revenue per available room rose 3%.\n\n"
     "The company said it remained on track to meet full-year market expectations, despite higher wage and energy costs. Shares rose 2.5%.",
     48),

    # 26 -- two floods in one country
    ("Flash floods kill 11 in Indonesia's West Sumatra",
     "JAKARTA, Dec 14 (Reuters) - Flash floods and landslides triggered by torrential rain killed at least 11 people and left five missing in Indonesia's West Sumatra province, the disaster agency said on Monday.\n\n"
     "Cold lava and mud from the slopes of Mount Marapi swept through villages in Agam and Tanah Datar districts late on Sunday, damaging more than 200 houses and two bridges, the agency said. Rescue teams were searching for the missing with sniffer dogs.",
     "Floods swamp thousands of homes in Central Java's Pekalongan",
     "Floodwaters up to 1.5 metres deep have inundated more than 6,000 homes in Pekalongan on the north coast of Central Java after days of heavy rain combined with high tides, local officials said on Tuesday.\n\n"
     "About 9,000 people have moved to temporary shelters in mosques and schools. No deaths have been reported. The main Java north coast road was closed in several places, forcing lorries to detour inland.\n\n"
     "The city has sunk by several centimetres a year because of groundwater extraction, making flooding more frequent, said regional disaster agency official Agus Wibisono.",
     20),

    # 27 -- two housing reports in one week
    ("U.S. housing starts rise 3.2% in November on single-family rebound",
     "U.S. housing starts rose 3.2% in November to a seasonally adjusted annual rate of 1.36 million units, the Commerce Department said on Thursday, as construction of single-family homes rebounded after two months of declines.\n\n"
     "Economists polled by Reuters had forecast starts at a 1.33 million-unit rate. Single-family starts jumped 5.8%, while the volatile multi-family segment fell 2.4%.\n\n"
     "Building permits, an indicator of future construction, slipped 0.9% to a 1.38 million-unit rate.",
     "Existing-home sales edge up in November as mortgage rates ease",
     "Sales of previously owned U.S. homes rose 1.1% in November to a seasonally adjusted annual rate of 4.19 million units, the National Association of Realtors said on Friday, as slightly lower mortgage rates drew some buyers back.\n\n"
     "The median existing-home price rose 2.3% from a year earlier to $412,300. The inventory of homes for sale fell to 1.41 million, equivalent to 4.0 months of supply.\n\n"
     "“Buyers are responding to even small moves in rates,” said NAR chief economist Harold Jennings. First-time buyers accounted for 31% of sales.",
     24),

    # 28 -- one player, two round-robin matches
    ("Lehtola opens ATP Finals campaign with win over Dahl",
     "Finland's Aarni Lehtola began his ATP Finals campaign with a 7-6 (4), 6-3 victory over Norway's Henrik Dahl in Turin on Monday.\n\n"
     "Lehtola hit 14 aces and did not face a break point in a match that lasted an hour and 41 minutes. “The first set was tight, but once I got the tiebreak I felt more free,” he said.\n\n"
     "Dahl, making his debut at the season-ending event, will next face Portugal's Tiago Sequeira.",
     "Lehtola books semi-final spot with victory over Arisawa",
     "Aarni Lehtola secured his place in the semi-finals of the ATP Finals with a game to spare after beating Japan's Kaito Arisawa 6-4, 4-6, 6-2 on Wednesday.\n\n"
     "The Finn broke Arisawa's serve three times in the deciding set, winning 11 of the last 13 points. Arisawa, who won the US Open in September, had saved a match point in his previous match.\n\n"
     "Lehtola, who has won both of his round-robin matches, plays Portugal's Tiago Sequeira in his final group match on Friday.",
     48),

    # 29 -- two races at one venue on consecutive days
    ("Austria's Brunnhuber wins Val d'Isère downhill",
     "VAL D'ISÈRE, France (AP) — Lukas Brunnhuber of Austria won the men's World Cup downhill on Saturday, edging Swiss skier Noah Zgraggen by 0.08 seconds on the Oreiller-Killy course.\n\n"
     "Brunnhuber clocked 1 minute, 53.42 seconds in sunny conditions for his second career World Cup win. Italy's Matteo Zanon was third, 0.31 behind.\n\n"
     "Race favorite Samuel Gerber of Switzerland missed a gate near the bottom and did not finish.",
     "Gerber bounces back to win super-G in Val d'Isère",
     "Swiss skier Samuel Gerber made up for Saturday's disappointment by winning the men's World Cup super-G in Val d'Isère on Sunday, a day after skiing out of the downhill.\n\n"
     "Gerber finished in 1:12.67, 0.24 seconds ahead of Norway's Sindre Aasheim, with France's Hugo Marchetti third in front of a delighted home crowd. Saturday's downhill winner Lukas Brunnhuber was 11th.\n\n"
     "“Yesterday hurt, so this one is extra sweet,” Gerber said. The win moves him to the top of the overall World Cup standings.",
     24),

    # 30 -- two derailments in one country
    ("Freight train derails near Poznań, blocking Berlin-Warsaw line",
     "WARSAW, Nov 26 (Reuters) - Fourteen wagons of a freight train carrying coal derailed near the western Polish city of Poznań early on Thursday, blocking the main rail line between Berlin and Warsaw, rail infrastructure operator PKP PLK said.\n\n"
     "No one was injured. Passenger trains, including international services to Berlin, were diverted or replaced by buses. The operator said repairs to the track and overhead lines could take two days.\n\n"
     "Prosecutors said they had opened an investigation and were examining whether a broken rail caused the accident.",
     "Regional train derails outside Kraków, 17 injured",
     "Seventeen people were injured, two of them seriously, when a regional train derailed on Friday morning near Skawina, just outside Kraków, Polish emergency services said.\n\n"
     "The Koleje Małopolskie train, carrying about 90 passengers to Kraków, left the tracks on a bend at around 7:15 a.m. local time. The front carriage tipped onto its side. Firefighters freed several passengers who were trapped.\n\n"
     "Infrastructure Minister Tomasz Wielgosz, who travelled to the scene, said it was too early to say what caused the crash, which came a day after a freight derailment in western Poland.",
     30),

    # 31 -- two health-sector pay disputes
    ("Resident doctors in Scotland vote for strike action",
     "Resident doctors in Scotland have voted overwhelmingly to strike in a dispute over pay and rotas, raising the prospect of the first national walkout by doctors in the country's history.\n\n"
     "The British Medical Association said 91% of members who took part backed strikes, on a turnout of 68%. The union said it would announce dates in the new year unless the Scottish government made an improved offer.\n\n"
     "Dr Ailsa McTaggart, chair of BMA Scotland's resident doctors committee, said many doctors were “exhausted and leaving for Australia”. The Scottish government said its offer of 4% this year was the best in the UK.",
     "Welsh nurses accept pay offer, ending threat of strikes",
     "Nurses in Wales have accepted a pay offer from the Welsh Government, calling off the threat of industrial action this winter, the Royal College of Nursing said on Tuesday.\n\n"
     "The deal includes a 4.5% rise backdated to April and a commitment to review the banding of healthcare support workers. In a consultative vote, 72% of RCN members in Wales voted to accept.\n\n"
     "Carys Pennant, RCN Wales director, said the deal was “not everything we wanted” but was a meaningful step. Unison and GMB members are still voting on the offer.",
     6),

    # 32 -- two council cyberattacks
    ("Wrekinford council hit by cyberattack, phone lines and website down",
     "Wrekinford Borough Council says it has been hit by a cyberattack that has taken its website, phone lines and online payment systems offline.\n\n"
     "The council said it became aware of the incident on Monday morning and had shut down some systems as a precaution. Bin collections and care services were running as normal, but residents were asked to visit the town hall in person for urgent matters.\n\n"
     "The National Cyber Security Centre is supporting the council's investigation. A spokesperson said it was too early to say whether residents' data had been affected.",
     "East Marlshire council confirms ransomware attack",
     "East Marlshire District Council has confirmed that it is dealing with a ransomware attack that has encrypted files on its housing and planning systems.\n\n"
     "The attack was discovered on Wednesday when staff were unable to log in to the council's network. Council leader Gillian Pryce said no ransom would be paid and that the council was working with police and the National Cyber Security Centre.\n\n"
     "Planning applications and housing benefit claims are likely to be delayed for several weeks, the council said. A criminal group has claimed responsibility on its leak site.",
     52),

    # 33 -- one AI company, two stories
    ("News publishers sue Halcyra over use of articles in AI training",
     "A group of 14 newspaper publishers sued artificial intelligence company Halcyra in federal court in New York on Monday, accusing it of copying millions of articles without permission to train the models behind its financial research assistant.\n\n"
     "The publishers, led by Bayfield Media Group, which owns more than 40 regional newspapers, are seeking unspecified damages and an order barring Halcyra from using their content.\n\n"
     "Halcyra said its models were trained on licensed data and publicly available information in a manner consistent with fair use, and that it would defend itself vigorously.",
     "Halcyra launches agent for insurance underwriters",
     "Halcyra on Wednesday released a new AI agent designed to help insurance underwriters assess commercial property risks, as the start-up pushes deeper into the insurance industry.\n\n"
     "The tool, called Halcyra Underwrite, pulls data from inspection reports, satellite imagery and claims histories to draft risk assessments that underwriters can review and approve. The company said early customers including two large European insurers had cut the time taken to price policies by about 60%.\n\n"
     "“Underwriters spend most of their day gathering information and very little making judgments. We want to reverse that,” co-founder Oskar Lindmark said.",
     36),

    # 34 -- one country's politics and public finances
    ("New Zealand's half-year update shows deficit widening to NZ$14 billion",
     "WELLINGTON, Dec 15 (Reuters) - New Zealand's budget deficit will be wider than expected this fiscal year as weak growth hits tax revenue, the Treasury said in its half-year economic and fiscal update on Tuesday.\n\n"
     "The operating deficit before gains and losses is now forecast at NZ$14.1 billion ($8.2 billion) for the year to June 2027, compared with NZ$10.8 billion in the May budget. The return to surplus has been pushed back by a year, to the 2029/30 fiscal year.\n\n"
     "The finance minister said the government would find further savings but would not raise taxes. Net core Crown debt is forecast to peak at 45.6% of GDP.",
     "New Zealand opposition leader Tuhiwai resigns after election loss",
     "The leader of New Zealand's main opposition party, Mark Tuhiwai, resigned on Monday, six weeks after leading his party to its second consecutive general election defeat.\n\n"
     "Tuhiwai told reporters at Parliament that he had lost the confidence of enough of his caucus colleagues and that “the party deserves a clean start”. He will stay on as an MP for his Auckland electorate.\n\n"
     "The caucus will vote on a new leader next week. Former health spokesperson Anahera Kingi and finance spokesperson David Liang are expected to stand.",
     20),

    # 35 -- two animal or human disease outbreaks in one country
    ("Measles outbreak in Birmingham grows to 52 cases",
     "A measles outbreak in Birmingham has grown to 52 confirmed cases, most of them in children under 10, the UK Health Security Agency said on Thursday.\n\n"
     "Eleven children have been admitted to hospital. The outbreak is concentrated in the east of the city, where uptake of the MMR vaccine is below 80%.\n\n"
     "Health officials have set up pop-up vaccination clinics at schools and community centres and urged parents to check that their children have had both doses.",
     "Bird flu confirmed at turkey farm in Norfolk weeks before Christmas",
     "Bird flu has been confirmed at a turkey farm near Attleborough in Norfolk, and all 26,000 birds on the premises will be culled, the Department for Environment, Food and Rural Affairs said on Thursday.\n\n"
     "A 3km protection zone and a 10km surveillance zone have been set up around the farm. The UK's chief veterinary officer said the risk to public health was very low and that properly cooked poultry and eggs were safe to eat.\n\n"
     "It is the fourth case of H5N1 in commercial poultry in England since October. Farmers' leaders said there was no threat to the overall supply of turkeys for Christmas.",
     8),

    # 36 -- one company, two unrelated stories
    ("Somerset farmers protest as Fernleigh Dairy cuts milk price",
     "Dozens of dairy farmers blocked the entrance to Fernleigh Dairy's creamery near Shepton Mallet with tractors on Monday in protest at a 2p a litre cut in the price the company pays for milk.\n\n"
     "The cut, which takes effect in January, will reduce Fernleigh's standard price to 38.5p a litre. Farmers say it leaves many of them producing milk at a loss.\n\n"
     "“We've had higher feed costs, a wet autumn and now this,” said Tom Hembury, who milks 180 cows near Wells. Fernleigh said global dairy prices had fallen and it had no choice.",
     "Fernleigh Dairy fined £380,000 for polluting River Brue",
     "Fernleigh Dairy has been fined £380,000 after admitting that whey leaked from its site into a tributary of the River Brue, killing hundreds of fish.\n\n"
     "Taunton Crown Court heard on Thursday that a faulty valve on a storage tank allowed the by-product of cheese-making to escape over several days in June 2024, starving the stream of oxygen along a 2km stretch.\n\n"
     "The Environment Agency, which brought the prosecution, said the company had been slow to report the problem. Fernleigh said it had since spent £1.2 million on new containment systems.",
     60),

    # 37 -- rate decision and inflation data in one country
    ("Brazil central bank holds Selic at 13.75%, keeps cautious tone",
     "BRASILIA, Dec 9 (Reuters) - Brazil's central bank kept its benchmark Selic interest rate at 13.75% on Wednesday, as expected, and said it would remain cautious given uncertainty over the government's fiscal plans.\n\n"
     "The monetary policy committee, known as Copom, voted unanimously to hold rates after cutting them by a cumulative 125 basis points since September. All 30 economists in a Reuters poll had forecast the decision.\n\n"
     "The committee said services inflation remained above levels compatible with meeting its 3% target.",
     "Brazil's inflation eases to 4.1% in November",
     "Brazil's annual inflation rate slowed to 4.1% in November from 4.4% in October, data from statistics agency IBGE showed on Thursday, helped by lower electricity bills and cheaper food.\n\n"
     "Monthly inflation was 0.18%, below the 0.24% median forecast of economists. Prices of food consumed at home fell 0.3% in the month.\n\n"
     "The annual rate is within the tolerance range of the central bank's 3% target for the second month in a row, though services prices are still rising at more than 5%.",
     18),

    # 38 -- two ferry stories in one country
    ("Fire breaks out in engine room of ferry off Crete, passengers safe",
     "A fire broke out in the engine room of a passenger ferry off the northern coast of Crete on Saturday, but the crew put it out and all 540 passengers were unharmed, the Greek coast guard said.\n\n"
     "The Ariadne Star, sailing from Heraklion to Piraeus, lost power about 12 nautical miles from port and was towed back to Heraklion by two tugs. Passengers were gathered at muster stations as a precaution.\n\n"
     "The coast guard said it was investigating the cause of the fire.",
     "Greek seamen's strike halts ferries to islands",
     "Ferries to the Greek islands stayed in port on Monday as seamen held a 24-hour strike over working conditions and a government bill on crew sizes.\n\n"
     "The Panhellenic Seamen's Federation, PNO, said the bill would allow shipowners to sail with fewer crew. “Safety at sea is not a cost to be cut,” the union said in a statement, citing recent accidents.\n\n"
     "Thousands of passengers were affected at the ports of Piraeus, Rafina and Lavrio. The shipping ministry said the bill would be debated in parliament next week.",
     30),

    # 39 -- one team's two games
    ("Canucks beat Flames 5-2, end Calgary's winning streak",
     "VANCOUVER, British Columbia (AP) — Elias Norrgård had a goal and two assists as the Vancouver Canucks beat the Calgary Flames 5-2 on Tuesday night, ending the Flames' three-game winning streak.\n\n"
     "Brody Kettering, Marc-Antoine Giroux, Devon Marsh and Sam Pruett also scored for Vancouver. Lars Eklund stopped 31 shots.\n\n"
     "Jakub Ostrowski and Mason Tilley scored for the Flames. Anders Hjelm allowed four goals on 23 shots before being replaced in the third period.",
     "Hjelm bounces back as Flames blank Jets",
     "WINNIPEG, Manitoba (AP) — Anders Hjelm made 29 saves for his second shutout of the season, and the Calgary Flames beat the Winnipeg Jets 3-0 on Thursday night.\n\n"
     "Cole Brandvold scored twice, including an empty-netter, and Mason Tilley added a power-play goal for Calgary, which rebounded from a loss at Vancouver two nights earlier.\n\n"
     "The Jets, who were playing the second game of a back-to-back, have lost three straight at home.",
     48),
]
