# -*- coding: utf-8 -*-
# en_holdout4.py -- English hold-out test data for a news "same story" detector.
# Written on 2026-12-07 by a helper session given only a written brief, without sight of the detector, its code, its other test data or its scores. All events below are invented (fictional); companies, people, figures, quotes and results are made up, and real places, leagues, courts, regulators and institutions appear only as settings for fictional events. Nothing here reports a real event.
# Headlines, companies and events were chosen to avoid those listed in used_en_titles.txt (earlier sets).

# EN_SAME6: list of 32 tuples (title_a, body_a, title_b, body_b).
#   Each tuple is ONE invented news event reported by two different outlets, each written
#   independently (different headline, order, choice of figures, wording; some HTML bodies).
#   Expected label: same story. About 8 entries have one long side (400-900 words);
#   6 entries (4, 13, 19, 24, 26, 29) contain no figures on either side.
EN_SAME6 = [
    # 0 -- earnings (wire vs FT-style newspaper)
    (
        "Harlan Semiconductors quarterly profit jumps 41% on AI chip demand",
        """SAN JOSE, California (Reuters) - Harlan Semiconductors Inc reported a 41% rise in third-quarter profit on Wednesday, beating Wall Street estimates as cloud providers scrambled for its networking chips used in artificial intelligence data centers.

Net income rose to $1.92 billion, or $2.14 per share, in the quarter ended Oct. 31, from $1.36 billion, or $1.52 per share, a year earlier. Excluding items, Harlan earned $2.31 per share, above analysts' average estimate of $2.08, according to LSEG data.

Revenue climbed 28% to $8.42 billion, against expectations of $8.05 billion.

The company forecast fourth-quarter revenue of $8.9 billion, plus or minus $200 million, ahead of the $8.6 billion analysts had pencilled in.

Shares of the company rose 7% in extended trading.

"Demand for our custom accelerators is running ahead of our ability to ship them," Chief Executive Priya Raman said on a call with analysts.""",
        "Harlan rides AI wave as data-centre sales lift outlook",
        """Harlan Semiconductors raised its guidance for the final quarter of its fiscal year after sales to hyperscale data-centre operators surged, sending its shares up about 7 per cent in after-hours trading in New York.

Priya Raman, chief executive, said supply rather than demand was now the binding constraint. The group has struggled to secure enough advanced packaging capacity from its Taiwanese contract manufacturer and is paying up to reserve more for next year.

The California-based chipmaker said revenue for the three months to the end of October was $8.4bn, up 28 per cent on a year earlier, while adjusted earnings of $2.31 a share comfortably beat forecasts. It now expects revenue of roughly $8.9bn in the current quarter.

Its data-centre division accounts for more than 60 per cent of group sales, compared with less than half two years ago, as the legacy business selling chips for smartphones and PCs has stagnated.

"The question for investors is no longer whether the AI spending boom helps Harlan, but how long it lasts," said one fund manager who holds the stock.""",
    ),
    # 1 -- M&A (long wire vs blog)
    (
        "Sable Ridge Energy to buy pipeline operator Corrigan Midstream in $5.35 billion deal",
        """HOUSTON (Reuters) - Sable Ridge Energy Corp said on Monday it would acquire Corrigan Midstream Partners in a cash-and-stock deal valuing the Permian Basin pipeline operator at $5.35 billion, the latest in a string of tie-ups as energy companies race to secure capacity to move oil and gas out of the prolific West Texas field.

Under the terms of the agreement, Corrigan shareholders will receive $18.40 in cash and 0.312 Sable Ridge shares for each unit they own, worth a combined $31.40 per unit based on Friday's closing prices. That represents a premium of about 24% to Corrigan's last close and 29% to its 30-day volume-weighted average price.

Including debt, the transaction gives Corrigan an enterprise value of about $8.1 billion, the companies said in a joint statement.

Corrigan, based in Midland, operates roughly 3,900 miles of gathering and transmission lines and four natural gas processing plants across the Delaware and Midland sub-basins. Most of its volumes come from long-term contracts with independent producers.

Sable Ridge Chief Executive Dana Whitfield said the deal would give the company an integrated system running from the wellhead to export terminals on the Gulf Coast.

"Our customers have been telling us for two years that takeaway capacity is the constraint on their growth," Whitfield said on a conference call. "With Corrigan we can offer them a single contract from the wellhead to the water."

Sable Ridge expects annual cost savings of about $180 million by the end of the second full year after closing, mainly from combining field operations and eliminating overlapping corporate functions. It said the deal would add to distributable cash flow per share in the first year.

The company plans to fund the cash portion with cash on hand and about $3 billion of new debt, for which it has obtained a committed bridge loan from two banks. It said it remained committed to an investment-grade credit rating and would suspend share buybacks until leverage falls back below 3.5 times earnings before interest, taxes, depreciation and amortization.

Corrigan Chief Executive Mark Oyelaran, who will join the Sable Ridge board, said the offer "recognises the value of the system we have built while giving our unitholders a stake in a larger, more diversified company."

The boards of both companies have approved the deal, which is expected to close in the second half of 2027, subject to approval by Corrigan unitholders and antitrust clearance. Corrigan's general partner, which controls about 38% of the units, has agreed to vote in favour.

Pipeline operators in the Permian have become prized assets as production from the basin has continued to climb while new long-haul pipelines have been slow to win permits. Several midstream deals worth more than $1 billion each have been announced this year.

"This is a full price, but it is a scarce asset," said an analyst at a Houston-based energy investment bank, who asked not to be named because his firm has a relationship with one of the companies. "There are only so many large, contiguous gathering systems left in the Delaware."

Corrigan units rose 21% to $30.95 in early trading, while Sable Ridge shares fell 3.4%.

Sable Ridge was advised by two investment banks and a New York law firm. Corrigan's financial advisers were not disclosed.""",
        "Sable Ridge snaps up Corrigan as the Permian pipeline land grab rolls on",
        """Another week, another midstream deal. This time it's Sable Ridge Energy swooping on Corrigan Midstream in a cash-and-stock transaction worth nearly $5.4bn, or a little over $8bn once you count the debt it is taking on.

The logic is simple enough. Producers in the Delaware Basin keep pumping more, and there still aren't enough pipes to get all that oil and gas to the coast. Corrigan owns a big chunk of the gathering network in exactly the places Sable Ridge wanted to be, and Sable Ridge already owns the long-haul lines and the export docks. Put them together and you get what Dana Whitfield, Sable Ridge's boss, is calling a "wellhead to water" system.

Corrigan holders are getting a premium of about a quarter over Friday's price, which explains why the units shot up more than 20 per cent at the open. Sable Ridge shareholders were less thrilled: their stock slid as investors digested a few billion dollars of fresh borrowing and the news that buybacks are on ice for now.

My take: the price is rich, but nobody is building new gathering systems of this size any more, so scarcity value is real. The bigger risk is timing. The deal isn't expected to close until the back half of 2027, and a lot can happen to oil prices in that time.""",
    ),
    # 2 -- IPO debut (wire vs games trade site)
    (
        "Lanterna Games jumps 29% in Nasdaq debut after top-of-range IPO",
        """NEW YORK (Reuters) - Shares of Lanterna Games rose 29% in their Nasdaq debut on Thursday, giving the maker of the hit survival game "Hollowdeep" a market value of about $3.9 billion.

The stock opened at $31.50, compared with its initial public offering price of $24, and closed at $30.96.

Lanterna sold 30 million shares at the top of its marketed range of $21 to $24, raising $720 million.

The Seattle-based studio is one of a handful of video game developers to go public in the United States in the past three years, as investors have shied away from a sector hit by layoffs and project cancellations.

Lanterna reported revenue of $412 million for the nine months ended Sept. 30, up 64% from a year earlier, and a net profit of $58 million.

"Hollowdeep" has sold more than 11 million copies since launching last year.""",
        "Hollowdeep studio Lanterna pops on first day of trading",
        """Lanterna is now a public company, and Wall Street liked what it saw.

The Hollowdeep developer's stock began trading on the Nasdaq under the ticker LNTR on Thursday morning, opening more than $7 above the $24 price it set the night before. By the closing bell it was up close to 30% on the day, valuing the studio at nearly $4 billion.

For an industry that has spent the past few years shedding staff, that is a rare bit of good news. Chief executive Maren Solberg told us in an interview before the listing that the money would go toward "two unannounced projects" and a new studio in Montreal, and that the company had no plans to chase live-service trends.

"We want to be the studio that ships finished games," Solberg said. "That's not a slogan, that's the business model."

Lanterna raised $720 million in the offering. Roughly half of its revenue still comes from Hollowdeep and its expansions, which the company's filing flags as a key risk.""",
    ),
    # 3 -- layoffs (wire vs HTML trade site)
    (
        "Cindral to cut 2,300 jobs as it shifts spending to AI",
        """(Reuters) - Cindral Software Inc said on Tuesday it would cut about 2,300 jobs, or roughly 9% of its workforce, as the business software maker redirects spending toward artificial intelligence products amid slowing subscription growth.

The company expects to record restructuring charges of $180 million to $210 million, mostly in its fiscal fourth quarter, related to severance and office closures.

Cindral said the cuts would mainly affect its sales and customer support teams, and that it would close offices in Dublin and Austin.

Shares of the company rose 4% in premarket trading.

Cindral, whose software is used by companies to manage payroll and procurement, has seen growth in annual recurring revenue slow to 11% from more than 20% two years ago.""",
        "Cindral lays off roughly one in eleven employees",
        """<p>Cindral is the latest enterprise software company to announce a big round of layoffs, telling employees on Tuesday that about 2,300 jobs will go &#8212; around 9% of staff.</p>
<p>In a memo seen by us, CEO Rafael Quintero said the company had &#8220;grown layers of process that slow us down&#8221; and that it would put the savings into its AI agents for finance teams. &#8220;This is the hardest decision I&#8217;ve made at Cindral,&#8221; he wrote.</p>
<p>Affected staff in the U.S. will receive 16 weeks of base pay plus two weeks per year of service. Cindral&#8217;s Dublin office is closing entirely, while its Austin site will be consolidated into the company&#8217;s headquarters in San Mateo.</p>
<p>Sales and support teams take the biggest hit, according to two people familiar with the plans. Engineering headcount is expected to be flat.</p>
<p>Cindral stock ticked up in early trading.</p>""",
    ),
    # 4 -- CEO change, no figures (wire vs newspaper)
    (
        "Greyfriars Bank CEO Munro resigns; finance chief named interim head",
        """EDINBURGH (Reuters) - Greyfriars Bank said on Friday its chief executive Alasdair Munro had resigned with immediate effect and that finance director Caroline Ashdown would take over on an interim basis while the board searches for a permanent successor.

The Scottish lender gave no reason for Munro's departure. It said it would consider internal and external candidates.

Munro had led the bank since before the pandemic and oversaw its expansion into mortgage lending in England.

Chair Fiona Strachan thanked Munro for his service and said the bank's strategy was unchanged.

Shares in Greyfriars fell in early trading in London.""",
        "Munro quits Greyfriars after clash with board over strategy",
        """Alasdair Munro has stepped down as chief executive of Greyfriars Bank after falling out with the board over how fast the Edinburgh lender should push into the English mortgage market, according to people familiar with the matter.

The bank announced his exit before the market opened on Friday, saying only that he had resigned and that Caroline Ashdown, its finance director, would run the business until a replacement is found.

People close to the bank said Munro had argued for a more aggressive lending push south of the border, while several directors, led by chair Fiona Strachan, wanted to slow growth after a rise in arrears. "It had become untenable," said a person briefed on the discussions.

Investors were caught off guard. Munro was regarded in the City as a safe pair of hands, and analysts said his abrupt departure raised questions about succession planning.

Greyfriars declined to comment beyond its statement. Munro could not be reached.""",
    ),
    # 5 -- regulator fine (wire vs FT-style newspaper)
    (
        "UK regulator fines Haverleigh Insurance 18.6 million pounds over claims handling",
        """LONDON (Reuters) - Britain's Financial Conduct Authority fined Haverleigh Insurance 18.6 million pounds ($23.5 million) on Wednesday for failing to handle home insurance claims fairly, saying customers had been left waiting months for payouts after floods and burst pipes.

The watchdog said Haverleigh's failings between January 2021 and June 2024 meant that thousands of claims were delayed, wrongly rejected or settled for too little.

Haverleigh agreed to settle and qualified for a 30% discount on the penalty, which would otherwise have been 26.6 million pounds, the FCA said.

"Insurance is there for when things go wrong. Haverleigh let its customers down at exactly the moment they needed it," the FCA's executive director of enforcement said in a statement.

Haverleigh said it had overhauled its claims process and apologised to affected customers.""",
        "Haverleigh hit with £18.6mn penalty for failing flood victims",
        """Haverleigh Insurance has been fined £18.6mn by the Financial Conduct Authority and must pay about £41mn in redress to some 62,000 policyholders after the City watchdog found it mishandled home insurance claims for more than three years.

The insurer, which sells buildings and contents cover mainly through price comparison websites, outsourced much of its claims handling to a third party whose staff were paid partly according to how much they saved on settlements, the FCA said.

Some customers whose homes were flooded waited more than a year for repairs to be approved. Others had claims rejected on the basis of policy exclusions that did not apply.

The FCA said senior managers at Haverleigh had received internal reports flagging the problems as early as 2022 but failed to act.

In a statement, Haverleigh said it "fully accepts" the findings and had brought claims handling back in-house. The company, owned by a private equity group, did not contest the penalty, which was cut by 30 per cent because it settled early.""",
    ),
    # 6 -- FDA approval (wire vs biotech trade site)
    (
        "FDA approves Oxley Therapeutics' kidney disease drug",
        """(Reuters) - The U.S. Food and Drug Administration has approved Oxley Therapeutics' drug for adults with IgA nephropathy, a rare autoimmune kidney disease, the company said on Friday.

The drug, to be sold as Velmira, is a once-daily pill designed to reduce protein in the urine, a marker of kidney damage that can lead to kidney failure.

In a late-stage trial of 412 patients, Velmira reduced protein levels by 38% after nine months compared with placebo.

Oxley said the drug would carry a list price of about $148,000 a year and be available in pharmacies within two weeks.

IgA nephropathy affects an estimated 150,000 people in the United States. Shares of Boston-based Oxley rose 6% in premarket trading.""",
        "Oxley wins FDA nod for IgAN pill, setting up crowded market fight",
        """Oxley Therapeutics has its first commercial product. The FDA on Friday cleared Velmira (tolsiparin) for adults with primary immunoglobulin A nephropathy at risk of disease progression, handing the Boston biotech an approval most analysts had expected ahead of the agency's December action date.

The label is based on a proteinuria endpoint from the Phase 3 VERITAS study, meaning the approval is accelerated; continued approval will depend on data showing Velmira slows the decline in kidney function, which Oxley expects to read out in 2027.

That leaves Velmira entering a field with several approved therapies and more on the way. Oxley's pitch is convenience: Velmira is a single daily tablet with no requirement for a REMS program or liver monitoring.

CEO Nadia Brennan told us the company has hired about 90 sales reps and will focus initially on roughly 4,000 nephrologists who treat most IgAN patients.

Pricing came in at around $148,000 a year before discounts, in line with competitors.""",
    ),
    # 7 -- jury verdict (long local paper vs AP-style wire)
    (
        "Jury orders Altmark Freight to pay $86.5 million over crash that killed Hillsboro family",
        """WACO — A McLennan County jury on Thursday ordered Altmark Freight Lines to pay $86.5 million to the relatives of three members of a Hillsboro family who were killed when one of the company's tractor-trailers slammed into their car on Interstate 35 in the spring of 2024.

The verdict, reached after about six hours of deliberation following a two-week trial in the 414th District Court, includes $26.5 million in compensatory damages and $60 million in punitive damages. Jurors found that the Kansas City-based carrier had been grossly negligent in the way it scheduled and supervised its drivers.

Rosa Delgado, 41, her mother, Carmen Ybarra, 67, and Delgado's 9-year-old son, Mateo, died at the scene when the truck failed to slow for traffic backed up at a construction zone near the Carl's Corner exit and struck the rear of their sedan at highway speed. Delgado's husband, Luis, and the couple's older daughter, who were not in the car, brought the lawsuit along with Ybarra's two sons.

Luis Delgado wept quietly as the verdict was read and embraced his daughter in the hallway outside the courtroom.

"No amount of money brings them back," he told reporters. "But maybe this makes a company somewhere think twice before they push a man to drive when he can barely keep his eyes open."

The family's lawyers argued that the driver, who had been on duty for nearly 17 hours when the crash happened, had falsified his electronic logbook with the knowledge of dispatchers who were under pressure to meet delivery windows for a large retail customer. Jurors were shown text messages in which a dispatcher told the driver to "make it work" after he said he was tired.

Evidence presented at trial also showed that the company had received two warning letters from federal safety regulators about hours-of-service violations in the year before the crash, and that the truck's forward-collision warning system had been disabled.

"This was not an accident in any meaningful sense," the family's lead attorney, Benjamin Okafor of Dallas, said in closing arguments on Wednesday. "It was the predictable result of a business model that treated rest as optional."

Altmark's attorneys had argued that the driver, who has since been fired and pleaded guilty to three counts of criminally negligent homicide, acted on his own and hid his fatigue from the company. They also disputed that the collision warning system would have prevented the crash.

In a statement after the verdict, Altmark said it was "deeply saddened" by the Delgado family's loss but believed the punitive award was "unsupported by the evidence and the law." The company said it would appeal.

Under Texas law, punitive damages are generally capped, and legal experts said the $60 million figure was likely to be reduced substantially. Still, the compensatory award alone is among the largest in a trucking case in Central Texas in recent years.

The crash prompted the Texas Department of Transportation to add additional warning signs and a variable speed limit system at the I-35 work zone, which remains under construction. Hill County commissioners have since asked the state to step up commercial vehicle inspections along the corridor.

Altmark, which operates about 2,200 trucks, is privately held. It did not say whether its insurance would cover the full award.

Delgado was a teacher's aide at an elementary school in Hillsboro, where a memorial garden was planted in her and her son's honor last year.""",
        "Texas jury hits trucking company with $86.5M verdict in deadly I-35 crash",
        """WACO, Texas (AP) — A Texas jury has ordered a trucking company to pay $86.5 million to the family of a woman, her son and her mother who were killed when a tractor-trailer plowed into their car on Interstate 35.

The McLennan County jury found Altmark Freight Lines grossly negligent, awarding $60 million in punitive damages on top of compensatory damages, according to court records.

Lawyers for the family said the driver had been on duty for almost 17 hours and that dispatchers knew he was exhausted.

Altmark, based in Kansas City, Missouri, said it would appeal.

The 2024 crash happened at a construction zone south of Hillsboro.""",
    ),
    # 8 -- central bank decision (short wire vs long newspaper)
    (
        "Bank of Canada cuts key rate by 25 basis points to 2.25%",
        """OTTAWA (Reuters) - The Bank of Canada cut its key overnight interest rate by 25 basis points to 2.25% on Wednesday, as expected, citing a weakening labour market and the drag on exports from U.S. tariffs.

The central bank said it was prepared to respond further if the economic outlook deteriorated, but signalled the bar for additional cuts was high.

"With today's decision, monetary policy is providing substantial support to the economy," Governor Marc Beaulieu said in prepared remarks.

Money markets had fully priced in the cut. The Canadian dollar was little changed at 1.3940 to the U.S. dollar, or 71.74 U.S. cents.

The next rate announcement is scheduled for Jan. 27.""",
        "BoC trims rates again but hints the easing cycle is nearly over",
        """The Bank of Canada lowered borrowing costs for the third time this year on Wednesday, shaving a quarter of a percentage point off its policy rate, but Governor Marc Beaulieu made clear the central bank was reluctant to go much further.

The cut, which takes the overnight rate to 2.25 per cent, was widely expected by economists and investors after a run of soft data. Canada's unemployment rate climbed to 7.3 per cent in October, its highest in almost a decade outside the pandemic, and manufacturing exports have fallen sharply since Washington widened tariffs on steel, aluminium and auto parts earlier this year.

Yet the bank's statement carried a noticeably different tone from recent decisions. It dropped language saying it would "look for opportunities" to provide more support, replacing it with a line saying the current stance was "about right" if the economy evolved as projected.

"We have cut a lot," Beaulieu told reporters in Ottawa. "Monetary policy cannot undo the structural damage from tariffs. It can help the economy adjust, and we believe we are now at a level that does that."

Asked whether the bank had finished cutting, he declined to rule out further moves. "If the outlook weakens materially, we are prepared to respond. But that is not our base case."

The central bank's governing council debated holding rates steady, he said, but concluded that the weakness in hiring and a widening gap between what the economy could produce and what it was producing justified one more move.

Inflation has been close to the 2 per cent target for much of the year. Headline consumer prices rose 2.2 per cent in the year to October, while the bank's preferred core measures have hovered around 2.6 per cent to 2.8 per cent, partly reflecting higher prices for imported goods.

The decision leaves Canadian rates well below those in the US, where the Federal Reserve has been more cautious. That gap has weighed on the loonie, which has lost about 4 per cent against the US dollar since the spring, adding to import costs.

Economists were divided on what comes next. Some said the bank's shift in language was a clear signal it was on hold for the foreseeable future. "This looks like the end of the road unless we get a recession," said the chief economist at one of Canada's big five banks. "The bar for January is very high."

Others argued the data would force the bank's hand. With population growth slowing sharply after Ottawa tightened immigration targets and business investment stalling, several forecasters expect the economy to contract in the fourth quarter.

"They can talk about being done, but the labour market is not going to cooperate," said an economist at a Toronto-based investment dealer, who expects two more cuts by the middle of next year.

Federal government measures announced in the autumn budget, including support for laid-off workers in the auto and steel sectors and accelerated infrastructure spending, are expected to provide some lift next year. Beaulieu said the bank had incorporated those measures into its projections, but that their effect would be gradual.

Housing, usually quick to respond to lower rates, has also disappointed. Home sales in Toronto and Vancouver remain well below their long-term averages despite lower mortgage costs, as buyers worry about job security.

Markets moved to price out most of the chance of a further cut in January after the announcement, and the yield on two-year Government of Canada bonds rose 6 basis points. The bank's next decision is due in late January, when it will also publish updated forecasts in its quarterly Monetary Policy Report.""",
    ),
    # 9 -- central bank decision (long wire vs short newspaper)
    (
        "Federal Reserve holds rates steady, signals patience as two officials dissent",
        """WASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday and signaled it was in no hurry to resume cutting borrowing costs, as policymakers weighed stubborn inflation against a labor market that has lost momentum. Two officials dissented in favor of a cut.

The U.S. central bank kept its benchmark overnight rate in the 3.25%-3.50% range, where it has been since September, in a 10-2 vote.

"The Committee judges that the risks to achieving its employment and inflation goals remain roughly in balance," the Fed said in its policy statement, which was largely unchanged from its previous meeting. It repeated that it would assess "incoming data, the evolving outlook, and the balance of risks" in considering further adjustments.

Governor Lydia Kwan and Chicago Fed President Thomas Redfern dissented, preferring a quarter-percentage-point reduction. It was the first time since 2019 that two officials dissented in favor of looser policy.

New quarterly projections showed the median policymaker expects two quarter-point cuts next year, the same as in September, which would leave the policy rate at 2.75%-3.00% by the end of 2027. But the projections showed a wide spread of views, with four officials seeing no cuts at all next year and three seeing three or more.

Fed Chair Elena Marsh told reporters after the meeting that the central bank was "well positioned to wait" for more clarity.

"Inflation has come down a long way, but the last part of the journey is proving slower than we hoped," Marsh said. "At the same time, the labor market has cooled and we are watching that very carefully. We don't feel we need to be in a hurry."

Policymakers raised their projection for core personal consumption expenditures inflation at the end of next year to 2.7% from 2.6%, while lowering their growth forecast to 1.5% from 1.7%. They see the unemployment rate ending 2027 at 4.6%, slightly higher than the 4.5% level projected in September.

Asked about the dissents, Marsh said differences of opinion were "healthy" and reflected genuine uncertainty about the outlook. "Reasonable people can look at the same data and come to different conclusions," she said.

Financial markets had priced in a roughly 80% chance that the Fed would stand pat. After the decision, traders in futures tied to the Fed's policy rate continued to bet that the central bank would cut rates by March.

The yield on two-year Treasury notes, which is sensitive to interest rate expectations, fell about 4 basis points to 3.38%. U.S. stocks edged higher, with the S&P 500 index closing up 0.4%. The dollar weakened against a basket of currencies.

The economy added an average of just 62,000 jobs a month over the three months through November, down from more than 150,000 a month early in the year, and the unemployment rate has risen to 4.4%. At the same time, the Fed's preferred measure of inflation has been stuck near 2.8% for much of the year, partly reflecting tariffs on imported goods.

Some economists said the split vote showed the Fed was closer to cutting again than the statement suggested.

"Two dissents for a cut is a loud signal," said the chief U.S. economist at a large asset manager. "If the January jobs report is soft, they will move."

The Fed's next policy meeting is scheduled for Jan. 26-27.""",
        "Fed stands pat but split widens among rate-setters",
        """The Fed left interest rates on hold on Wednesday, but two of its 12 voting members broke ranks to call for a cut, exposing a growing rift over how to balance sticky inflation against a slowing jobs market.

The US central bank kept the target range for the federal funds rate at 3.25 to 3.5 per cent. Chair Elena Marsh said the Fed could afford to be patient. "We don't feel we need to be in a hurry," she said.

Officials still pencil in two quarter-point reductions next year.

Treasury yields slipped and Wall Street closed modestly higher.""",
    ),
    # 10 -- economic data: US CPI (wire vs newspaper)
    (
        "U.S. consumer prices rise 0.3% in November; core inflation steady",
        """WASHINGTON (Reuters) - U.S. consumer prices increased moderately in November, with a drop in gasoline costs offsetting higher prices for food and some imported goods.

The consumer price index rose 0.3% last month after climbing 0.4% in October, the Labor Department's Bureau of Labor Statistics said on Wednesday. In the 12 months through November, the CPI increased 2.9% after advancing 3.1% in October.

Economists polled by Reuters had forecast the CPI would rise 0.3% and increase 3.0% year-on-year.

Excluding the volatile food and energy components, the CPI gained 0.3% for a second straight month. The so-called core CPI rose 3.1% on a year-on-year basis, matching October's increase.

Gasoline prices fell 2.8%. Food prices rose 0.5%, with the cost of beef climbing 1.9%. Apparel prices increased 0.7%.""",
        "US inflation eases to 2.9% as cheaper petrol offsets food costs",
        """Annual US inflation slowed to 2.9 per cent in November from 3.1 per cent the previous month, helped by a sharp fall in petrol prices, but underlying price pressures showed little sign of abating.

Core inflation, which strips out food and energy, held at 3.1 per cent, keeping it well above the Federal Reserve's 2 per cent goal and complicating the central bank's debate over whether to lower interest rates again.

Grocery bills continued to rise. Beef prices, driven up by a shrinking cattle herd, were almost 14 per cent higher than a year earlier, while coffee was up more than a fifth, reflecting tariffs and poor harvests in Brazil.

Shelter costs, the largest single component of the index, rose 0.3 per cent on the month, the smallest increase in almost five years.

"The disinflation story is intact, but it is slow," said a senior economist at a New York-based bank. "Goods prices are the problem now, not services."

Treasury yields edged lower after the release.""",
    ),
    # 11 -- economic data: UK GDP (newspaper vs wire)
    (
        "Britain's economy grows 0.2 per cent in third quarter despite September dip",
        """The UK economy expanded by 0.2 per cent in the three months to September, official figures showed on Thursday, in line with economists' expectations but masking a contraction at the end of the quarter.

Output shrank 0.1 per cent in September alone, the Office for National Statistics said, as car production was disrupted and construction activity fell back after a strong summer.

Services, which make up about four-fifths of the economy, grew 0.3 per cent over the quarter, driven by health, legal services and computer programming. Manufacturing fell 0.8 per cent.

The figures leave Britain on course for growth of roughly 1.2 per cent this year, broadly matching the Bank of England's latest forecast.

A Treasury spokesperson said the government's priority remained "driving growth in every part of the country". Opposition parties said the numbers showed the economy was "flatlining".

Economists said the weak September reading raised the risk of a stagnant fourth quarter. "Momentum is fading going into the winter," said one at a City consultancy.""",
        "UK GDP RISES 0.2% IN Q3, MEETING FORECASTS; SEPTEMBER OUTPUT FALLS",
        """LONDON (Reuters) - Britain's gross domestic product grew 0.2% in the July-September period compared with the previous quarter, matching the median forecast in a Reuters poll of economists, the Office for National Statistics said.

Compared with the third quarter of last year, GDP was 1.3% higher.

In monthly terms, the economy contracted by 0.1% in September after growing 0.2% in August. Economists had expected September output to be flat.

Sterling was little changed against the dollar after the data.""",
    ),
    # 12 -- economic data: South Korea exports (wire vs newspaper)
    (
        "South Korea's November exports jump 11.4% on record chip sales",
        """SEOUL (Reuters) - South Korea's exports rose 11.4% in November from a year earlier, beating expectations, as shipments of semiconductors hit a record high on strong demand for memory used in artificial intelligence servers, trade ministry data showed on Monday.

The increase compared with a 9.0% rise forecast in a Reuters poll and followed a 4.6% gain in October.

Chip exports soared 38.2% to $17.9 billion. Exports to China, South Korea's biggest trading partner, rose 6.1%, while shipments to the United States fell 3.2% as car and steel exports were hit by tariffs.

Imports rose 2.5%, leaving a trade surplus of $7.2 billion, the largest in 14 months.""",
        "Korean chip boom drives exports to fastest growth this year",
        """Korean exporters had their best month of the year in November, with overseas sales up more than 11 per cent as demand for high-bandwidth memory chips from data-centre builders showed no sign of cooling.

Semiconductors now account for almost a third of the country's exports by value. Shipments of chips were worth nearly $18bn last month, a record, according to figures released by the trade ministry.

The picture was less rosy elsewhere. Car exports fell for a fourth month in a row and steelmakers continued to struggle with US tariffs, dragging down overall shipments to America.

The strong headline figure nonetheless pushed the country's trade surplus to roughly $7bn and lifted the won against the dollar.

Economists said the reliance on a single product left the economy exposed. "If the memory cycle turns, Korea's growth story turns with it," said an economist at a Seoul brokerage.""",
    ),
    # 13 -- strike, no figures (wire vs newspaper)
    (
        "Dutch train services halted as rail staff strike over pay",
        """AMSTERDAM (Reuters) - Train services across the Netherlands ground to a halt on Tuesday as workers at national rail operator NS walked out in a dispute over pay and working hours, leaving commuters scrambling for buses, bicycles and cars.

NS said it was unable to run any domestic trains during the strike and advised passengers to avoid travelling. International services to Belgium and Germany were also affected.

Unions are demanding an inflation-linked pay rise and limits on weekend shifts. NS said its latest offer was "generous and responsible" and urged unions to return to talks.

Traffic information service ANWB reported heavy congestion on motorways around Amsterdam, Rotterdam and Utrecht during the morning rush hour.

Unions have warned of further action if no agreement is reached before the end of the year.""",
        "Netherlands rail strike strands commuters as talks collapse",
        """Stations from Groningen to Maastricht were eerily quiet on Tuesday morning as a nationwide rail strike shut down the Dutch train network, the latest escalation in a bitter pay dispute between NS and its staff.

Platform screens at Utrecht Centraal, normally the busiest station in the country, showed nothing but cancellations. Some travellers who had not heard about the walkout arrived to find shutters down and staff handing out leaflets.

"I have an exam this afternoon and no idea how I'm getting to Leiden," said a student waiting outside the station. "My parents are driving me, I hope."

Talks between the rail company and unions broke down over the weekend. Workers want pay to keep up with living costs and say irregular rosters are driving experienced staff out of the job.

NS management called the strike "disproportionate" and said it was hurting passengers rather than the company. Union leaders said they had little choice.

Roads were jammed for much of the morning, and cycle racks outside city offices were full long before the usual morning rush.""",
    ),
    # 14 -- strike with figures (wire vs local paper)
    (
        "Belvane Airlines cancels 340 flights as cabin crew begin 48-hour strike",
        """DUBLIN (Reuters) - Irish carrier Belvane Airlines cancelled 340 flights on Friday and Saturday as cabin crew began a 48-hour strike over pay and rostering, disrupting travel for about 52,000 passengers.

The Fórsa trade union said its members had voted overwhelmingly for industrial action after talks on a new pay deal stalled. The union is seeking a 9% rise over two years; Belvane has offered 5.5%.

Belvane, which operates about 70 aircraft from bases in Dublin, Cork and Shannon, said it would offer affected passengers refunds or free rebooking.

"This strike is unnecessary and will damage our customers and our business," the airline said.""",
        "Holiday plans in tatters as Belvane strike grounds Cork flights",
        """Hundreds of passengers were left stranded at Cork Airport yesterday as a cabin crew strike at Belvane Airlines wiped out almost all of the carrier's departures from the city.

Families heading to the Canaries and business travellers bound for London and Amsterdam were among those caught up in the walkout, which is due to last until midnight tomorrow.

Sinéad Mulcahy, from Ballincollig, had been due to fly to Lanzarote with her husband and three children for a week's holiday. "We got a text at 11 o'clock the night before," she said. "They've offered us a refund, but the hotel isn't refundable. We've lost over €2,000."

Crew on the picket line outside the terminal said they had been left with no option. "We're not asking for the moon. We're asking to be able to pay our rent," said one flight attendant, who has worked for the airline for 12 years.

Nationally, the airline has scrapped 340 flights over the two days. The union and management are not due to meet again until next week.""",
    ),
    # 15 -- election (wire vs newspaper)
    (
        "Centrist Renewal Movement wins Lithuanian election, falls short of majority",
        """VILNIUS (Reuters) - Lithuania's centrist Renewal Movement, led by former economy minister Ieva Kairyte, won Sunday's parliamentary election but fell well short of a majority, setting the stage for weeks of coalition talks, official results showed on Monday.

The party took 28.4% of the vote and 41 of the 141 seats in the Seimas, the Central Electoral Commission said. The ruling Social Union of prime minister Darius Vaitkus came second with 21.7% and 33 seats.

The nationalist Lithuania First party surged to third with 13.2%, up from 5.1% four years ago.

Turnout was 53.8%.

Kairyte, 46, said she would begin talks with potential partners immediately and ruled out a coalition with Lithuania First.""",
        "Kairyte's centrists top the poll in Lithuania as nationalists gain ground",
        """Ieva Kairyte is on course to become Lithuania's next prime minister after her Renewal Movement finished first in a parliamentary election that also delivered a strong showing for the country's insurgent right.

With all ballots counted, Renewal had won about 28 per cent, comfortably ahead of the governing Social Union, whose support collapsed amid anger over rising energy bills and a scandal over public procurement.

But the big story of the night was Lithuania First, a nationalist party that campaigned against the euro-area fiscal rules and for tighter immigration controls. It more than doubled its vote share, winning over voters in rural areas and small towns.

Kairyte, a former economy minister who left the government two years ago in a row over budget cuts, told supporters in Vilnius that voters had chosen "competence over anger". She will need at least two partners to form a majority.

Lithuania is among Nato's most hawkish members on Russia, and all the main parties, including Lithuania First, have pledged to keep defence spending high.""",
    ),
    # 16 -- referendum (wire vs newspaper)
    (
        "Swiss voters reject rent cap initiative - official results",
        """ZURICH (Reuters) - Swiss voters on Sunday rejected a proposal to cap rent increases nationwide, official results showed, handing a defeat to tenants' groups and left-wing parties who had campaigned on soaring housing costs.

The initiative was rejected by 54.3% of voters and by 19 of the country's 26 cantons, according to the federal chancellery. Turnout was 46.1%.

The proposal would have limited annual rent increases to the rate of inflation for existing tenancies and required landlords to justify rents on new leases.

The government and parliament had recommended voters reject the measure, arguing it would deter investment in new housing and worsen shortages.

Support was strongest in French-speaking cantons including Geneva and Vaud, where a majority voted in favour.""",
        "Switzerland says no to rent controls, but cities back the cap",
        """Nearly 55 per cent of Swiss voters turned down a popular initiative that would have capped rent rises, in a referendum that exposed a deep divide between the country's big cities and its countryside.

Geneva, Vaud, Basel-City and Neuchâtel all voted in favour, as did the city of Zurich, where average rents for new leases have risen by almost a third in five years. But rural German-speaking cantons rejected the proposal by wide margins.

The tenants' association that launched the initiative said the result was "a defeat, not a verdict" and promised to press cantonal governments to act.

Property owners' groups welcomed the outcome. "The answer to scarce housing is to build more, not to freeze the market," said the head of the Swiss homeowners' federation.

The government has promised to speed up planning approvals and to review rules on how rents can be raised after renovations.""",
    ),
    # 17 -- football result (wire vs fan blog)
    (
        "Manchester United beat Newcastle 3-1 to climb to fourth",
        """MANCHESTER, England (Reuters) - Manchester United beat Newcastle United 3-1 at Old Trafford on Sunday to move into the Premier League's top four, with striker Kwame Osei-Bonsu scoring twice.

Osei-Bonsu opened the scoring in the 17th minute with a low shot from the edge of the area and doubled the lead shortly after halftime.

Newcastle pulled one back through Anders Lindqvist in the 63rd minute, but midfielder Tomás Ferreyra sealed the win for the hosts with a curling free kick in stoppage time.

The win lifted United to 27 points from 15 matches, one ahead of Chelsea. Newcastle dropped to ninth.""",
        "Osei-Bonsu double as Man Utd see off the Magpies",
        """Get in! Man Utd 3, Newcastle 1, and for once it was a proper performance from start to finish.

Kwame Osei-Bonsu was outstanding again. His first was classic him, a drop of the shoulder and a low finish into the corner, and his second, just after the break, was a tap-in after great work down the left by Declan Moore. That's nine league goals for the season now.

We got sloppy for ten minutes after Lindqvist's header gave the Toon a route back into it, and the nerves were jangling around Old Trafford. But Ferreyra's free kick deep into injury time settled it, and honestly it deserved to win any game.

Beating Newcastle by two goals and climbing into the top four? I'll take that all day. Next up: a trip to Brentford on Wednesday.""",
    ),
    # 18 -- rugby result (wire vs newspaper)
    (
        "Scotland edge England 22-19 at Murrayfield to retain Calcutta Cup",
        """EDINBURGH (Reuters) - Scotland beat England 22-19 at Murrayfield on Saturday to retain the Calcutta Cup, with fly-half Callum Rennie kicking a penalty two minutes from time to settle a tense contest.

England led 19-15 with 12 minutes remaining after a try from winger Josh Whitcombe, but Scotland hit back when centre Fraser Lamont crossed in the corner and Rennie added the conversion and the winning penalty.

Rennie finished with 12 points. England's Harry Kellow kicked three penalties and a conversion.

It was Scotland's fifth win over England in seven meetings.""",
        "Rennie holds his nerve as the Scots snatch Calcutta Cup thriller",
        """It came down, as these things so often do at Murrayfield, to one kick. With the clock in the red and the old stadium holding its breath, Callum Rennie struck the ball sweetly from 35 metres and the Scots had won 22–19.

England will wonder how they lost it. They were the better side for long stretches, their forwards dominating the set piece, and Josh Whitcombe's try had seemed to put them in control.

But Scotland never stopped running. Fraser Lamont's finish in the left corner, after quick hands from the backs, brought the crowd to its feet, and Rennie's conversion put the home side back in front before his late penalty sealed it.

"That's what this fixture means," said Scotland's captain. "We weren't at our best, but we found a way."

England's coach admitted his side had "let it slip".""",
    ),
    # 19 -- sport, no figures (wire vs newspaper)
    (
        "Norway's Eik claims Val Gardena downhill victory",
        """VAL GARDENA, Italy (Reuters) - Norway's Sindre Eik won the World Cup downhill at Val Gardena on Saturday, beating Switzerland's Luca Brunner and Austria's Matthias Gruber on a sunny day in the Dolomites.

Eik, who had never won a downhill before, produced a near-flawless run on the Saslong course, gaining most of his advantage on the famous Camel Humps section.

Brunner, the overall World Cup leader, was runner-up, while Gruber completed the podium ahead of Italy's Marco Ferrandi.

Swiss favourite Nils Aebischer crashed near the finish but skied away uninjured.

The men's circuit moves on to Alta Badia for a giant slalom on Sunday.""",
        "Eik storms to maiden downhill win as Aebischer crashes out",
        """Sindre Eik has waited a long time for this. The Norwegian, better known as a super-G specialist, finally won a World Cup downhill on the Saslong piste at Val Gardena, flying over the Camel Humps with barely a wobble and holding off Luca Brunner of Switzerland by a fraction.

"I have been on the podium so many times and always somebody was faster," Eik said in the finish area. "Today nobody was faster. It's a crazy feeling."

The Norwegian team, which has produced a long line of great speed skiers, celebrated wildly at the bottom of the hill.

The day was marred by a heavy fall for Nils Aebischer, who lost control on the final jump and slid into the safety netting. The Swiss racer got to his feet and waved to the crowd, and team officials later said he had escaped serious injury.

Brunner's runner-up finish extended his lead in the overall standings, with Austria's Matthias Gruber completing the podium.""",
    ),
    # 20 -- disaster: landslide (long wire vs short newspaper)
    (
        "Landslide buries homes in Colombia's Antioquia, killing at least 14",
        """MEDELLIN, Colombia (AP) — A landslide triggered by days of torrential rain buried more than two dozen homes in a mountain town in northwestern Colombia early Tuesday, killing at least 14 people and leaving about 30 missing, authorities said.

The hillside above the town of San Rafael de la Sierra, in Antioquia province, gave way shortly before 3 a.m., sending a torrent of mud, rocks and uprooted trees down onto a neighborhood of brick and wooden houses where many families were asleep.

Rescue workers, soldiers and neighbors digging with shovels and their bare hands had pulled nine people out alive by midday, according to the national disaster risk management agency. Six of them were taken to hospitals in nearby towns with broken bones and other injuries. One child was airlifted to Medellin.

"We heard a noise like a freight train and then the lights went out," said Gloria Montoya, 52, who escaped with her two grandchildren after the mud stopped just short of her house. "When the sun came up, the houses on the street below were gone. There was nothing there, just mud."

Antioquia Governor Andrés Restrepo, who traveled to the area by helicopter, said the death toll was likely to rise. He declared a state of calamity in the municipality, freeing up emergency funds, and said authorities were evacuating about 400 families from other neighborhoods considered at risk.

"This is a tragedy for the whole department," Restrepo told reporters. "Our priority right now is to find the people who are still missing, and we will not stop until we do."

Search efforts were hampered by continued rain and the risk of further slides. Officials briefly halted the operation in the afternoon after cracks appeared in the slope above the rescue site. Heavy machinery was having difficulty reaching the town because the main road had been blocked by smaller landslides in at least three places.

The national disaster agency said more than 70 municipalities in Colombia were on red alert for flooding and landslides. The country has been hit by unusually heavy rainfall in recent weeks, which meteorologists have linked to a La Niña weather pattern in the Pacific.

The president's office said the national government would send additional rescue teams and sniffer dogs from Bogota, along with tents, blankets and drinking water for displaced residents.

San Rafael de la Sierra, a town of about 12,000 people known for coffee and avocado farming, sits in a steep valley in the Andes about 90 kilometers (55 miles) east of Medellin. Residents said officials had warned several years ago that some of the houses on the slope were in a high-risk zone, but that many families had nowhere else to go.

"They told us to leave, but where? This land is all we have," said farmer Jorge Ospina, whose brother and sister-in-law were among the missing.

Landslides are common in Colombia's mountainous regions during the rainy season. In 2017, a mudslide in the southern city of Mocoa killed more than 300 people.

The local parish church and a school gymnasium were being used as shelters on Tuesday evening, where volunteers served hot soup and coffee to families who had lost their homes. The bodies recovered so far were taken to a temporary morgue set up in the town's sports center, where relatives waited through the afternoon to identify them.

Colombia's Red Cross said it had deployed psychologists to support survivors and rescue workers.""",
        "Fourteen dead and dozens missing after mudslide engulfs Colombian town",
        """Fourteen people have been killed and dozens more are missing after a rain-soaked hillside collapsed onto a town in the Colombian Andes in the early hours of Tuesday.

The landslide in San Rafael de la Sierra, east of Medellín, swept away rows of homes as residents slept. Survivors described hearing a roar before the mud hit.

The regional governor has declared a state of calamity and hundreds of families are being moved out of high-risk areas. Rescuers have been forced to pause their search at times because of fears that more of the slope could give way.

Much of Colombia has been battered by heavy rain in recent weeks, and forecasters warn that more storms are on the way.""",
    ),
    # 21 -- earthquake (wire vs local English-language outlet)
    (
        "Magnitude 6.4 earthquake strikes off northern Chile; no immediate reports of damage",
        """SANTIAGO (Reuters) - A magnitude 6.4 earthquake struck off the coast of northern Chile's Atacama region on Thursday, the U.S. Geological Survey said, shaking buildings in the city of Copiapo, but there were no immediate reports of damage or casualties.

The quake hit at 10:42 a.m. local time (1342 GMT) at a depth of 28 km (17 miles), about 65 km west of Copiapo, the USGS said.

Chile's navy hydrographic service briefly issued a precautionary tsunami alert for parts of the coast, then lifted it about an hour later.

Copper miners operating in the region said their operations were not affected.""",
        "Strong quake rattles Copiapó, sends coastal residents to higher ground",
        """Residents of Copiapó and the coastal towns of Caldera and Bahía Inglesa rushed into the streets on Thursday morning when a powerful earthquake shook the Atacama region, rattling windows and knocking goods off supermarket shelves.

Chile's national seismological centre put the magnitude at 6.3, while the US Geological Survey measured it at 6.4. The epicentre was offshore, west of Copiapó.

Authorities ordered a precautionary evacuation of low-lying coastal areas for about an hour while the navy assessed the risk of a tsunami. Sirens sounded in Caldera, and hundreds of people walked uphill to designated safe zones.

"It went on for a long time, maybe forty seconds. The whole house was moving," said Carolina Pizarro, a shop owner in Caldera.

The regional government said there were no reports of injuries or serious damage, though some older adobe buildings had cracks. Power was briefly cut in parts of Copiapó.

Chile is one of the most seismically active countries in the world.""",
    ),
    # 22 -- storm (wire vs newspaper)
    (
        "Storm Henrike leaves 120,000 Danish homes without power, one dead",
        """COPENHAGEN (Reuters) - Storm Henrike battered Denmark with hurricane-force gusts overnight, cutting power to about 120,000 homes and killing one man who was struck by a falling tree, authorities said on Monday.

Gusts of up to 38 metres per second (137 km per hour) were recorded on the west coast of Jutland, the Danish Meteorological Institute said.

The Great Belt Bridge linking Zealand and Funen was closed to all traffic for several hours, and rail operator DSB cancelled most trains across the country until midday.

Police in southern Jutland said a 63-year-old man died when a tree fell on his car near Aabenraa.

Grid operator Radius said it hoped to restore power to most customers by Tuesday.""",
        "Denmark counts the cost after Henrike's night of destruction",
        """Denmark was clearing up on Monday after one of the strongest storms in years swept across the country, toppling trees, tearing off roofs and leaving tens of thousands of households in the dark.

A man in his sixties was killed in South Jutland when a tree came down on his car.

The storm, named Henrike by Nordic forecasters, brought gusts of more than 130km/h to the North Sea coast. In Esbjerg, the harbour was closed and several fishing boats broke free of their moorings.

The Great Belt Bridge was shut overnight, leaving hundreds of lorries stranded on either side, and train services across much of the country were suspended during the morning.

Power companies said about 120,000 customers lost electricity at the height of the storm. By Monday afternoon, that number had fallen by more than half.

Insurers said it was too early to estimate the damage.""",
    ),
    # 23 -- product launch (tech trade site vs blog)
    (
        "Veradyne unveils Hearth, a $1,499 household robot that folds laundry",
        """Veradyne Robotics on Tuesday announced Hearth, a wheeled home robot with two arms that the company says can load a dishwasher, tidy toys and fold laundry without supervision.

Hearth will cost $1,499 plus a $29-a-month subscription for its cloud-based AI software, and will ship to customers in the U.S. in March. Preorders open today.

The robot stands about 1.2 meters tall, runs for roughly four hours on a charge, and returns to a dock on its own to recharge. Veradyne says it uses a vision-language model trained on more than 10,000 hours of household video to recognize objects and plan tasks.

At a press event in San Francisco, Hearth folded a basket of T-shirts in a little over six minutes, slowly but neatly. It struggled with a fitted sheet.

Veradyne co-founder and CEO Ana Petrov acknowledged Hearth "isn't going to replace a housekeeper," but said it would improve with software updates.""",
        "I watched Veradyne's laundry robot fold my shirts. I'm not sold yet",
        """Home robots have been "a couple of years away" for about two decades now, so forgive me for being skeptical when Veradyne invited a room full of reporters to watch its new bot, Hearth, do chores.

Here's the pitch: a robot on wheels, with two arms and a camera head, that learns your home and handles the boring stuff — dishes, toys, laundry. It costs $1,499 up front, which honestly is less than I expected, but there's also a monthly subscription of $29 that you can't opt out of if you want it to actually do anything.

The demo was... fine. Hearth picked up a sock, looked at it for a beat, and put it in the right pile. Folding a T-shirt took it close to a minute. Watching it tackle a fitted sheet was like watching me tackle a fitted sheet.

CEO Ana Petrov was refreshingly honest about the limits. Still, deliveries start in March, and I'd wait for the reviews.""",
    ),
    # 24 -- outage, no figures (wire vs HTML blog)
    (
        "Payments app Quaylink hit by outage across Europe",
        """LONDON (Reuters) - Users of payments app Quaylink across Europe were unable to send money or make card payments for much of Friday afternoon after a technical fault at the company, it said.

The London-based fintech said the problem was caused by a failure at a data centre it uses rather than a cyberattack, and that customers' funds were safe.

Outage tracking website Downdetector showed reports of problems peaking in the early afternoon, with users in Britain, Ireland, Spain and Germany affected.

Quaylink said services had been fully restored by the evening and apologised to customers. It said it would refund any fees incurred as a result of failed payments.""",
        "Quaylink is down: users can&rsquo;t send money or pay by card",
        """<p>If your Quaylink card just got declined at the checkout, you&rsquo;re not alone.</p>
<p>The payments app has been down across much of Europe since lunchtime, with users reporting that transfers are stuck on &ldquo;pending&rdquo; and card payments are being refused. The app itself loads for some people but shows an error when you try to see your balance.</p>
<p>Quaylink&rsquo;s status page confirms a &ldquo;major incident&rdquo; affecting payments and says engineers are working on a fix. In a post on social media the company said it wasn&rsquo;t a hack and that &ldquo;your money is safe&rdquo;.</p>
<p>Plenty of people are not amused. &ldquo;Stood at the petrol station like an idiot with no way to pay,&rdquo; wrote a frustrated user.</p>
<p><strong>Update:</strong> Quaylink says payments are working again and it will cover any fees caused by the outage.</p>""",
    ),
    # 25 -- space launch (long newswire feature vs short local paper)
    (
        "Skyhaven's Fulmar rocket reaches orbit in first UK vertical launch",
        """LONDON (Bloomberg) -- Skyhaven Launch Ltd. put six small satellites into orbit from a remote spaceport in Shetland on Wednesday, becoming the first company to complete a vertical orbital launch from British soil and handing a boost to the UK's efforts to build a domestic space industry.

The company's two-stage Fulmar rocket lifted off from the SaxaVord Spaceport on the island of Unst at 11:14 a.m. local time after a weather delay of about 40 minutes. The second stage released its payloads into a sun-synchronous orbit roughly 520 kilometers above Earth about 58 minutes after launch, Skyhaven said.

"Today Britain joined the club," Chief Executive Officer Iain Gilchrist said in a statement. "For years people said it couldn't be done here. Our team has just done it."

The mission, which Skyhaven named "First Light," carried Earth-observation and communications satellites for four customers, including a Norwegian maritime surveillance startup and a British university. The company said all six satellites had made contact with ground stations.

The success comes after years of false starts for UK launch ambitions. A horizontal launch from Cornwall failed in 2023, and several rival vertical-launch projects in Scotland have been delayed by funding shortfalls, licensing hurdles and test-stand accidents.

Skyhaven, founded in 2019 and based in Glasgow, has raised about £240 million ($305 million) from investors including a sovereign wealth fund, two venture capital firms and the UK government's National Security Strategic Investment Fund. It had previously aborted a launch attempt in September seconds before ignition because of a sensor fault.

The Fulmar rocket is about 19 meters tall and is designed to carry up to 250 kilograms to low Earth orbit. Its first stage burns a bio-derived propane fuel with liquid oxygen, which the company says cuts carbon emissions compared with kerosene. It is not reusable, though Skyhaven has said it is working on recovering first stages from the sea.

The small-launch market has become increasingly crowded, and price pressure from reusable heavy rockets that fly multiple customers together on so-called rideshare missions has pushed several smaller providers into bankruptcy. Skyhaven says it can compete by offering dedicated launches on short notice to customers who need specific orbits, particularly in the defense sector.

"Rideshare is cheap, but you go where the bus goes," Gilchrist told reporters at a briefing on Unst after the launch. "A lot of customers, especially in defense, need a taxi."

Skyhaven plans two more launches in 2027 and aims to eventually fly as often as once a month from SaxaVord. The company said it has signed contracts and options for 17 future missions.

SaxaVord, a former Royal Air Force radar station at the northernmost tip of the British Isles, received its spaceport license from the Civil Aviation Authority in 2024. It has been courting customers from across Europe, which has struggled with limited launch capacity.

The UK government's science minister called the launch "a historic moment for British spaceflight" and said it showed the value of investment in the sector.

Dozens of spectators gathered on nearby hillsides to watch the launch, some having traveled from mainland Scotland. Local officials said the spaceport had brought about 60 jobs to Unst, which has a population of roughly 600.""",
        "Cheers on Unst as Skyhaven rocket blasts into orbit",
        """Crowds wrapped up against a stiff northerly breeze broke into cheers on the hills above Lamba Ness yesterday as Skyhaven's Fulmar rocket thundered off the pad at SaxaVord and climbed into a grey Shetland sky.

Within the hour the Glasgow company confirmed that the rocket had reached orbit and released all its satellites, making it the first successful vertical launch to orbit from anywhere in the UK.

For many in Unst it was a day years in the making. "When they first talked about a spaceport up here folk laughed," said Baltasound resident Ruth Jamieson. "Nobody's laughing now."

The launch had been held for about 40 minutes because of low cloud. Pupils from Baltasound Junior High School were among those watching, and some had painted their own rockets for the occasion.

Skyhaven chief executive Iain Gilchrist thanked islanders for their patience during months of testing and road closures. The company hopes to launch again next year.""",
    ),
    # 26 -- court ruling, no figures (wire vs newspaper)
    (
        "Canada's top court rules police need warrant for smart meter data",
        """OTTAWA (Reuters) - The Supreme Court of Canada ruled on Friday that police must obtain a warrant before asking utilities for detailed electricity usage data from a home's smart meter, saying such information can reveal intimate details of people's private lives.

The decision came in the case of an Ontario man convicted of running a cannabis growing operation after police obtained his household electricity readings from a local utility without judicial authorization.

Writing for the majority, the court said the data could reveal "when a person sleeps, cooks, showers or is away from home," and that Canadians had a reasonable expectation of privacy in it.

The court ordered a new trial. Dissenting judges said the information was business data held by the utility, not the accused.

Privacy advocates welcomed the ruling, while police groups said it would slow investigations.""",
        "Supreme Court of Canada puts smart meter readings off limits without a warrant",
        """Police across Canada will need a judge's permission before they can get their hands on the detailed electricity readings collected by smart meters, after the Supreme Court of Canada sided with an Ontario man whose drug conviction rested on his power bills.

Investigators had noticed an unusual pattern of consumption at his rural property and asked the utility for his usage history, which showed spikes consistent with grow lights. They never sought a warrant.

The country's highest court said that was a breach of the Charter's protection against unreasonable search and seizure. Granular meter data, the majority wrote, paints a picture of daily life inside the home that is far more revealing than a monthly bill.

The ruling is likely to have implications beyond electricity. Lawyers said it could affect police requests for data from internet-connected thermostats, doorbells and water meters.

The Canadian Civil Liberties Association called the decision "a major win for privacy in the connected home".""",
    ),
    # 27 -- court penalty / regulator (wire vs Australian newspaper)
    (
        "Australian court orders Wexcombe Retail to pay A$14 million over fake discounts",
        """SYDNEY (Reuters) - An Australian court on Wednesday ordered department store chain Wexcombe Retail to pay a A$14 million ($9.2 million) penalty for advertising misleading "was/now" discounts on thousands of products, the country's competition regulator said.

The Federal Court found that Wexcombe had briefly raised the prices of homewares and clothing before advertising them at a "sale" price that was often the same as or higher than the original, the Australian Competition and Consumer Commission said.

The conduct took place between 2022 and 2024 and affected more than 3,800 products, the ACCC said.

Wexcombe, which has 61 stores across Australia, admitted the conduct and agreed to the penalty.""",
        "Wexcombe cops $14m fine for 'sale' prices that were no bargain",
        """Wexcombe has been hit with a $14 million penalty after the ACCC caught the retailer jacking up prices for a few weeks and then slashing them back to where they started so it could shout about bargains.

In one example cited by the consumer watchdog, a queen-size quilt cover set was lifted from $89 to $149 for three weeks, then advertised as "was $149, now $89 - save 40%".

The ACCC's chair said shoppers "deserve to know a discount is a real discount", adding that the penalty should send a message to the whole retail sector ahead of the Christmas and Boxing Day sales.

Wexcombe said it had cooperated with the investigation and changed its pricing systems. "We apologise to our customers," a spokeswoman said.""",
    ),
    # 28 -- M&A (long FT-style newspaper vs wire)
    (
        "Dunmore agrees £1.2bn takeover of craft brewer Kilnsey",
        """Dunmore Group has agreed to buy Kilnsey Brewing for £1.24bn, betting that Britain's biggest independent craft brewer can help the drinks conglomerate win back younger drinkers who have drifted away from its mainstream lagers.

The all-cash offer of 415p a share, announced to the stock market on Monday morning, represents a premium of 38 per cent to Kilnsey's closing price on Friday and values the Yorkshire-based company at about 14 times its expected earnings before interest, tax, depreciation and amortisation for this year.

Kilnsey's board, advised by two investment banks, said it intended to recommend the offer unanimously. The company's founding family and its two largest institutional investors, which together own about 31 per cent of the shares, have given irrevocable undertakings to accept.

The deal marks the largest acquisition for Dunmore since Helen Achterberg took over as chief executive last year with a brief to revive growth at the group, whose portfolio includes several well-known lager and cider brands as well as a network of about 1,900 pubs.

"Kilnsey is one of the great success stories of British brewing," Achterberg said. "They have built brands that people in their twenties and thirties genuinely care about, which is something the big brewers, ourselves included, have struggled to do."

Founded in 2009 by brothers Tom and Will Pickersgill in a converted barn in the Yorkshire Dales, Kilnsey grew rapidly on the back of its hoppy pale ales and a distinctive brand identity aimed at urban drinkers. It floated on London's Aim market in 2018 and moved to the main market three years later. Its beers are now sold in more than 20 countries, and it operates 46 taprooms in the UK, the Netherlands and Germany.

But the company's shares have fallen by more than half from their peak in 2021, as rising costs for energy, barley and aluminium cans squeezed margins and a more crowded market for premium beer slowed its growth. Kilnsey issued a profit warning in June, blaming wet weather and weak consumer spending.

Tom Pickersgill, who remains chief executive, said the deal would give Kilnsey access to Dunmore's distribution network and buying power. "We've taken Kilnsey as far as we could on our own," he said. "Dunmore will let our beers reach pubs and shelves we could never have got to by ourselves."

Dunmore said Kilnsey would be run as a standalone unit and that its brewery in the Dales would remain open. It expects to generate cost savings of about £35mn a year by the third year after completion, mostly from procurement and logistics.

The acquisition will be funded from existing cash and a new £900mn term loan. Dunmore said its net debt would rise to about 2.8 times ebitda after the deal but fall back below 2.5 times within two years.

Some of Kilnsey's investors grumbled that the price undervalued the company's long-term prospects. "It's an opportunistic bid at the bottom of the cycle," said one fund manager who holds the shares. "But with the family on board, there isn't much we can do."

Analysts said the deal made strategic sense but warned that big brewers had a mixed record when buying craft brands, which sometimes lost their appeal once they became part of a large corporation.

"The risk is that Kilnsey stops being cool the moment it has a Dunmore logo on the back of the can," said a beverages analyst at a London broker.

Shares in Kilnsey jumped 35 per cent to 406p in morning trading, just below the offer price. Dunmore shares slipped 1.8 per cent.

The deal is subject to approval by Kilnsey shareholders and clearance by the Competition and Markets Authority. The companies expect it to complete in the second quarter of next year.""",
        "Dunmore Group to buy Kilnsey Brewing for 1.24 billion pounds",
        """LONDON (Reuters) - British drinks group Dunmore Group said on Monday it had agreed to buy craft brewer Kilnsey Brewing for about 1.24 billion pounds ($1.57 billion) in cash.

Dunmore will pay 415 pence per Kilnsey share, a 38% premium to the stock's closing price on Friday. Kilnsey's board said it would recommend the offer to shareholders.

Dunmore expects annual cost savings of around 35 million pounds.

Kilnsey's shares were up 35% at 406 pence by 0815 GMT.""",
    ),
    # 29 -- minister resigns, no figures (wire vs newspaper)
    (
        "Norway's fisheries minister resigns over undisclosed share trading",
        """OSLO (Reuters) - Norway's fisheries minister Tor Halvorsen resigned on Thursday after newspaper reports revealed he had traded shares in seafood companies while in office without declaring the transactions, Prime Minister Kari Nordahl said.

Halvorsen said in a statement that he had made "a serious error of judgement" but denied using inside information.

The Labour Party politician had been responsible for regulating Norway's salmon farming industry, including a controversial tax on aquaculture profits.

Nordahl said trade minister Silje Moen would take over the fisheries portfolio temporarily.

Norway's financial watchdog said it was looking into the trades.""",
        "Halvorsen quits Norwegian cabinet as salmon share scandal deepens",
        """Tor Halvorsen has stepped down as Norway's minister of fisheries and oceans, days after it emerged that he had bought and sold shares in salmon farming companies while drawing up rules for the industry.

The trades, originally reported by a business newspaper in Oslo, were not disclosed to parliament's register of interests as required. Halvorsen initially insisted they had been managed by his bank without his knowledge, but later admitted he had approved some of them himself.

Opposition parties had threatened a vote of no confidence. The prime minister, who had defended Halvorsen earlier in the week, said on Thursday that his position had become impossible.

The affair is an embarrassment for the government, which came to power promising tougher ethics rules after a string of similar scandals in recent years.

Salmon farmers, long at odds with Halvorsen over the resource rent tax, kept a studied silence.""",
    ),
    # 30 -- economic data: German inflation (long newspaper vs wire)
    (
        "German inflation climbs to 2.6 per cent as food and services costs rise",
        """Inflation in Germany picked up more than expected in November, rising to 2.6 per cent from 2.3 per cent the previous month, according to preliminary figures from the federal statistics office, in a setback for those hoping that price pressures in Europe's largest economy were firmly under control.

Economists had forecast a rate of 2.4 per cent. On the harmonised measure used by the European Central Bank to compare inflation across the euro area, prices rose 2.8 per cent year on year, up from 2.4 per cent in October.

The increase was driven mainly by food and services. Food prices rose 3.4 per cent on a year earlier, with butter, chocolate and coffee again among the biggest contributors, while services inflation climbed to 3.7 per cent from 3.4 per cent, reflecting higher costs for package holidays, restaurant meals and insurance.

Energy prices, by contrast, were 1.2 per cent lower than a year ago, as the fall in heating oil and petrol prices continued to hold down the headline rate.

Core inflation, which excludes volatile food and energy prices, rose to 2.9 per cent from 2.7 per cent, Destatis said.

Regional figures published earlier in the day had already pointed to an upside surprise. In North Rhine-Westphalia, the most populous state, annual inflation rose to 2.5 per cent, while in Bavaria it reached 2.8 per cent.

Some economists cautioned against reading too much into a single month's data. Package holiday prices are notoriously volatile in Germany and can swing sharply depending on the timing of school holidays and the way they are captured by statisticians.

"There is a lot of noise in these numbers," said the chief economist at a Frankfurt-based bank. "But the fact that services inflation is not coming down is a concern. Wage growth is still running at around 4 per cent and companies are passing that on."

Germany's economy has barely grown over the past three years, weighed down by high energy costs, weak demand from China and US tariffs on its exports. The government in Berlin has launched a large programme of infrastructure and defence spending, financed by borrowing, that economists expect to lift growth next year, but some have warned it could also add to inflationary pressure.

The figures come ahead of euro zone inflation data due on Tuesday and the ECB's final policy meeting of the year the following week. The central bank has held its deposit rate at 2 per cent since the summer, and most economists expect it to stay there.

"This will not change anything for the ECB in December," said an economist at a Dutch bank. "But it will make the hawks on the governing council more confident in arguing that there is no need for further cuts."

For households, the picture is mixed. Wages have risen faster than prices for more than two years, restoring some of the purchasing power lost during the energy crisis. But surveys show many Germans remain pessimistic about their finances, and consumer spending has been sluggish.

Month on month, consumer prices fell 0.2 per cent in November, in line with the usual seasonal pattern.

Final figures are due on December 12.""",
        "GERMAN INFLATION RISES TO 2.6% IN NOVEMBER, ABOVE FORECASTS",
        """BERLIN (Reuters) - German consumer prices rose 2.6% year-on-year in November, preliminary data from the federal statistics office showed on Friday, picking up from 2.3% in October and beating analysts' forecasts of 2.4%.

Harmonised with other European Union countries (HICP), prices rose 2.8% year-on-year.

Core inflation, excluding food and energy, stood at 2.9%, compared with 2.7% the previous month. Services inflation rose to 3.7%.

On a monthly basis, consumer prices fell 0.2%.""",
    ),
    # 31 -- recall (wire vs HTML auto trade site)
    (
        "Caldora Motors recalls 212,000 vehicles in US over fuel pump failure",
        """WASHINGTON (Reuters) - Caldora Motors is recalling 212,418 vehicles in the United States because a faulty low-pressure fuel pump may fail and cause the engine to stall while driving, increasing the risk of a crash, the National Highway Traffic Safety Administration said on Monday.

The recall covers certain 2023-2025 Caldora Tramonto SUVs and 2024-2025 Caldora Veloce sedans.

Caldora said it was aware of 37 warranty claims and two minor crashes that may be related to the issue, but no injuries.

Dealers will replace the fuel pump free of charge. Owners will be notified by letter starting in late January.""",
        "Caldora issues fuel pump recall for Tramonto, Veloce",
        """<p>Caldora is calling back more than 200,000 Tramonto and Veloce models in the U.S. because the fuel pump can quit without warning, according to documents posted by NHTSA.</p>
<p>The problem traces to an impeller inside the pump that can absorb fuel and swell, causing it to rub against the pump housing. If that happens, the engine may run rough, lose power, or stall &#8212; potentially at highway speed.</p>
<p>Caldora&#8217;s filing says it traced the issue to a supplier that changed the impeller&#8217;s plastic resin in early 2023. The automaker opened an investigation last spring after a jump in warranty claims.</p>
<p>Owners should watch for a check-engine light or hesitation on acceleration. Dealers will swap in a new pump at no cost, and Caldora says it will reimburse owners who already paid for the repair.</p>
<p>If you own one of these vehicles, you can check your VIN on NHTSA&#8217;s website.</p>""",
    ),
]

# EN_FLASH6: list of 10 tuples (flash_title, flash_body, k).
#   A one-line wire flash (often an ALL-CAPS headline and a one-sentence body) about the
#   same invented event as EN_SAME6[k]. Expected label: same story as either side of EN_SAME6[k].
EN_FLASH6 = [
    # 0 -- earnings flash (k=0)
    (
        "HARLAN SEMICONDUCTORS Q3 ADJ EPS $2.31 VS IBES EST $2.08; SEES Q4 REV $8.9 BLN +/- $200 MLN",
        "Harlan Semiconductors Inc reported third-quarter revenue of $8.42 billion, above estimates of $8.05 billion.",
        0,
    ),
    # 1 -- M&A flash (k=1)
    (
        "SABLE RIDGE ENERGY TO ACQUIRE CORRIGAN MIDSTREAM IN CASH-AND-STOCK DEAL VALUED AT $5.35 BLN",
        "Sable Ridge Energy Corp said it would buy Corrigan Midstream Partners for $31.40 per unit in cash and stock.",
        1,
    ),
    # 2 -- regulator fine flash (k=5)
    (
        "UK FCA FINES HAVERLEIGH INSURANCE 18.6 MLN STG FOR HOME INSURANCE CLAIMS FAILINGS",
        "Britain's Financial Conduct Authority said on Wednesday it had fined Haverleigh Insurance over its handling of home insurance claims.",
        5,
    ),
    # 3 -- central bank flash (k=8)
    (
        "BANK OF CANADA CUTS OVERNIGHT RATE BY 25 BPS TO 2.25%, AS EXPECTED",
        "The Bank of Canada lowered its key policy rate to 2.25% from 2.50% on Wednesday.",
        8,
    ),
    # 4 -- central bank flash (k=9)
    (
        "FED HOLDS RATES AT 3.25%-3.50%; KWAN, REDFERN DISSENT IN FAVOR OF CUT",
        "The Federal Reserve left its benchmark interest rate unchanged on Wednesday in a 10-2 vote.",
        9,
    ),
    # 5 -- data flash (k=10)
    (
        "U.S. NOV CPI +0.3% M/M (CONSENSUS +0.3%); +2.9% Y/Y; CORE +3.1% Y/Y",
        "U.S. consumer prices rose 0.3% in November, the Labor Department said.",
        10,
    ),
    # 6 -- football result flash (k=17)
    (
        "Soccer-Man Utd 3 Newcastle 1 - full time",
        "Manchester United beat Newcastle United 3-1 in the Premier League at Old Trafford on Sunday.",
        17,
    ),
    # 7 -- earthquake flash (k=21)
    (
        "QUAKE - MAGNITUDE 6.4 EARTHQUAKE STRIKES OFF ATACAMA, CHILE - USGS",
        "A magnitude 6.4 earthquake struck off the coast of northern Chile on Thursday, the U.S. Geological Survey said.",
        21,
    ),
    # 8 -- M&A flash (k=28)
    (
        "DUNMORE GROUP AGREES RECOMMENDED CASH OFFER FOR KILNSEY BREWING AT 415P PER SHARE",
        "Dunmore Group said it had agreed to acquire Kilnsey Brewing in a deal valuing the craft brewer at about 1.24 billion pounds.",
        28,
    ),
    # 9 -- recall flash (k=31)
    (
        "CALDORA MOTORS RECALLS 212,418 VEHICLES IN US OVER FUEL PUMP - NHTSA",
        "Caldora Motors is recalling more than 212,000 Tramonto and Veloce vehicles because the fuel pump may fail, U.S. regulators said.",
        31,
    ),
]

# EN_TOPIC6: list of 40 tuples (title_a, body_a, title_b, body_b, hours_apart).
#   Hard negatives: two DIFFERENT invented stories that share an entity, place, topic or kind
#   of event, published hours_apart hours apart (0-72). Expected label: not the same story.
EN_TOPIC6 = [
    # 0 -- same company: quarterly results vs job cuts at a mine
    (
        "Pelorus Mining quarterly profit falls 22% as copper prices slip",
        """PERTH (Reuters) - Pelorus Mining Ltd reported a 22% drop in first-quarter underlying profit on Tuesday, hurt by lower copper prices and higher energy costs at its Australian smelter.

Underlying earnings fell to A$412 million ($270 million) in the three months to September from A$528 million a year earlier. Revenue slipped 6% to A$2.1 billion.

Copper output rose 4% to 118,000 tonnes, helped by the ramp-up of the Ridgeback underground mine in South Australia.

The miner kept its full-year production guidance unchanged and said it would pay an interim dividend of 18 Australian cents per share.""",
        "Pelorus to cut 450 jobs at Chilean copper mine as ore grades decline",
        """SANTIAGO (Reuters) - Pelorus Mining will cut about 450 jobs at its Quebrada Honda copper mine in northern Chile, the company said on Wednesday, as declining ore grades push up costs at the ageing open pit.

The reductions, which will affect both direct employees and contractors, will take place over the first half of next year, Pelorus said. The mine's workers' union said it had not been consulted and threatened to strike.

Quebrada Honda produced about 95,000 tonnes of copper last year, but output is expected to fall steadily until the company completes an underground expansion, for which it has not yet taken a final investment decision.""",
        30,
    ),
    # 1 -- two central banks on the same day
    (
        "Bank of England holds rates at 3.75% in 6-3 vote",
        """LONDON (Reuters) - The Bank of England kept interest rates on hold at 3.75% on Thursday, with three policymakers voting for a cut, and said it expected inflation to keep falling next year.

The Monetary Policy Committee voted 6-3 to keep Bank Rate unchanged. Three members preferred a reduction to 3.5%, citing a weakening labour market.

The BoE said a "gradual and careful" approach to further easing remained appropriate. Sterling rose slightly after the decision.""",
        "Czech central bank cuts key rate to 3.25% as inflation slows",
        """PRAGUE (Reuters) - The Czech National Bank cut its main two-week repo rate by a quarter percentage point to 3.25% on Thursday, resuming its easing cycle after a pause of several months as inflation eased back towards its target.

Five of the seven board members voted for the cut, while two voted to hold, the bank said.

Czech inflation slowed to 2.1% in October. The crown weakened about 0.3% against the euro after the decision.""",
        3,
    ),
    # 2 -- same central bank: scheduled hold vs emergency hike two days later
    (
        "Hungary's central bank holds base rate at 6.50%, warns on forint",
        """BUDAPEST (Reuters) - Hungary's central bank kept its base rate unchanged at 6.50% on Tuesday, as expected, and said it would keep policy tight for an extended period to protect the forint and bring down inflation.

The National Bank of Hungary said inflation risks were tilted to the upside because of rising food prices and planned increases in excise duties.

The forint was little changed at 398 per euro after the decision.""",
        "Hungary raises rates at emergency meeting as forint plunges past 420 per euro",
        """BUDAPEST (Reuters) - Hungary's central bank raised its base rate by 75 basis points to 7.25% at an unscheduled meeting on Thursday, after the forint slumped to a record low following the government's announcement of a large budget overshoot.

The forint had fallen more than 5% in two days, breaching 420 per euro for the first time, after the finance ministry said this year's deficit would be almost double its target.

The bank said it stood ready to take further steps to ensure market stability. The currency recovered to 411 per euro after the hike.""",
        52,
    ),
    # 3 -- two earthquakes in the Mediterranean on the same day
    (
        "Magnitude 5.8 earthquake shakes Crete, no injuries reported",
        """ATHENS (Reuters) - An earthquake of magnitude 5.8 struck off the southern coast of the Greek island of Crete on Saturday, shaking buildings in Heraklion and other towns, but there were no immediate reports of injuries or serious damage, authorities said.

The quake struck at a depth of about 15 km, roughly 40 km south of the town of Ierapetra, the Athens Geodynamic Institute said. Several aftershocks followed.

Schools on the island will be inspected before reopening on Monday.""",
        "Quake damages old houses near Albanian port city of Durres",
        """TIRANA (Reuters) - A magnitude 5.1 earthquake struck near the Albanian port city of Durres on Saturday evening, damaging dozens of older houses and injuring four people who were hurt while fleeing their homes, the defence ministry said.

Many residents spent the night outdoors, remembering a deadly earthquake in the same area several years ago. Authorities opened sports halls as temporary shelters.

The quake was felt in the capital Tirana, about 35 km away.""",
        9,
    ),
    # 4 -- two Premier League clubs' matches on the same afternoon
    (
        "Arsenal beat Fulham 2-0 to stay top",
        """LONDON (Reuters) - Arsenal beat Fulham 2-0 at the Emirates Stadium on Saturday to stay top of the Premier League, with goals in each half from Sami Haddad and Pietro Colombo.

Haddad headed in a corner in the 24th minute and Colombo added a second from close range after 71 minutes.

Fulham rarely threatened and did not have a shot on target until stoppage time. Arsenal have now kept clean sheets in five consecutive league games.""",
        "Liverpool held 1-1 at Wolves after late equaliser",
        """WOLVERHAMPTON, England (Reuters) - Liverpool were held to a 1-1 draw at Wolverhampton Wanderers on Saturday after conceding an equaliser in the 88th minute, a result that left them four points behind leaders Arsenal.

Dutch forward Ruben Verhoef gave Liverpool the lead with a low strike just before halftime, but substitute Joao Pinheiro turned in a cross late on to earn Wolves a point.

Liverpool's manager said his side had "switched off" at the crucial moment.""",
        1,
    ),
    # 5 -- two recalls by different carmakers
    (
        "Kaimon Motors recalls 148,000 SUVs over seat belt anchor defect",
        """DETROIT (Reuters) - Kaimon Motors is recalling about 148,000 Trailhawk SUVs in the United States because a rear seat belt anchor may not be properly secured, increasing the risk of injury in a crash, the National Highway Traffic Safety Administration said on Thursday.

The recall covers certain 2024 and 2025 model-year vehicles. Kaimon said it was not aware of any injuries related to the issue.

Dealers will inspect and, if necessary, re-torque the anchor bolts free of charge.""",
        "Stellwerk recalls 31,000 electric crossovers over battery fire risk",
        """FRANKFURT (Reuters) - German carmaker Stellwerk Auto is recalling about 31,000 of its Ion X electric crossovers worldwide because a manufacturing flaw in some battery cells could cause a short circuit and fire, the company said on Friday.

Stellwerk advised owners to limit charging to 80% of capacity and to park outside until their battery modules have been checked.

The company said it knew of three vehicle fires possibly linked to the defect, none of which caused injuries.""",
        20,
    ),
    # 6 -- two FDA approvals of different drugs on the same day
    (
        "FDA approves Mirabel Therapeutics' sickle cell disease pill",
        """(Reuters) - The U.S. Food and Drug Administration approved Mirabel Therapeutics' oral drug for sickle cell disease on Monday, giving patients a new option to reduce painful vaso-occlusive crises.

The drug, to be sold as Corvasta, is approved for patients aged 12 and older. In a late-stage trial it cut the annual rate of pain crises by 41% compared with placebo.

Mirabel set a list price of $96,000 a year. Its shares rose 11%.""",
        "Sorell Biotech wins FDA approval for eczema cream",
        """(Reuters) - Sorell Biotech said on Monday the U.S. Food and Drug Administration had approved its non-steroidal cream for mild-to-moderate atopic dermatitis in adults and children aged two and older.

The cream, branded Dermalin, met all main goals in two late-stage trials, with about 45% of patients achieving clear or almost clear skin after eight weeks.

Sorell expects to launch the product in the first quarter of next year.""",
        5,
    ),
    # 7 -- the same index on consecutive days
    (
        "FTSE 100 closes at record high as banks and miners rally",
        """LONDON (Reuters) - Britain's FTSE 100 index closed at a record high on Tuesday, lifted by gains in banks and mining stocks as hopes for lower interest rates and stronger metal prices boosted investor appetite.

The blue-chip index rose 0.9% to end at 10,142.6 points, surpassing its previous closing peak set last month. The mid-cap FTSE 250 added 0.6%.

Copper miners gained more than 3% after metal prices climbed on supply disruptions in South America.""",
        "FTSE 100 slides 1.3% as miners retreat from record",
        """LONDON (Reuters) - Britain's FTSE 100 fell 1.3% on Wednesday, pulling back from the previous session's record close, as mining stocks tumbled on weak Chinese trade data and a stronger dollar.

The index ended at 10,010.4 points. Miners were the worst performers, with the sector losing 4.2%, while defensive stocks such as utilities and consumer staples held up better.

Among individual stocks, housebuilders fell after a trading update from one of the sector's largest companies warned of slowing reservations.""",
        24,
    ),
    # 8 -- two strikes in Italy in the same week
    (
        "Italian transport strike disrupts trains, buses and ferries",
        """ROME (Reuters) - A 24-hour national transport strike disrupted trains, buses and ferries across Italy on Friday, as unions protested against low wages and a government plan to limit the right to strike in essential services.

State railway operator Trenitalia cancelled hundreds of regional and high-speed trains, while metro services in Rome and Milan ran only during guaranteed hours at rush hour.

The transport minister called the strike "irresponsible" and said the government would not back down.""",
        "Italian doctors strike over hospital staffing, postponing thousands of operations",
        """ROME (Reuters) - Doctors in Italy's public hospitals went on strike on Wednesday to protest against chronic staff shortages and budget cuts, forcing the postponement of thousands of non-urgent operations and outpatient appointments.

Unions representing hospital doctors and veterinarians said about 70% of their members had joined the walkout. Emergency services were maintained.

The doctors are demanding more funding for the national health service and measures to stop young doctors emigrating abroad.""",
        48,
    ),
    # 9 -- same company: product launch vs lawsuit
    (
        "Dravik Systems launches lightweight AR glasses for $799",
        """SAN FRANCISCO (Reuters) - Dravik Systems unveiled its first consumer augmented reality glasses on Tuesday, betting that a lighter design and a lower price will help it win over buyers who have shunned bulkier headsets.

The Dravik Lens glasses weigh 62 grams, project notifications and navigation directions into the wearer's field of view, and will sell for $799 starting in February.

Chief Executive Owen Marsh said the company had focused on making glasses "that you forget you are wearing".""",
        "Former Dravik employees sue company alleging age discrimination in layoffs",
        """(Reuters) - A group of former Dravik Systems employees filed a lawsuit on Tuesday accusing the company of targeting older workers when it laid off staff earlier this year.

The proposed class action, filed in federal court in San Jose, California, alleges that workers over 40 were disproportionately selected for dismissal and that managers made comments about the need for "fresh energy".

Dravik said in a statement that the claims were without merit and that its layoff decisions were based on business needs.""",
        6,
    ),
    # 10 -- same company: quarterly results vs new CEO named
    (
        "Quintessa Foods third-quarter sales miss estimates as shoppers trade down",
        """CHICAGO (Reuters) - Packaged food maker Quintessa Foods reported third-quarter sales below Wall Street estimates on Tuesday, as cash-strapped shoppers switched to cheaper store brands, and cut its annual profit forecast.

Net sales fell 3.1% to $3.62 billion, compared with analysts' estimates of $3.71 billion. Volumes dropped 4.5%.

Quintessa now expects full-year adjusted earnings per share of $2.85 to $2.95, down from $3.05 to $3.15. Its shares fell 8%.""",
        "Quintessa Foods names snacks veteran Adeyemi as CEO after Lindgren's retirement",
        """CHICAGO (Reuters) - Quintessa Foods on Thursday named former beverage industry executive Monique Adeyemi as its next chief executive, succeeding Erik Lindgren, who announced his retirement in June after nine years in the role.

Adeyemi, who will take over on Feb. 1, most recently ran the North American snacks business at a rival food company.

Quintessa's chair said Adeyemi had "a strong record of reigniting growth in mature brands". The shares rose 2%.""",
        40,
    ),
    # 11 -- two wildfires in different US states
    (
        "Wildfire near Prescott, Arizona forces evacuations of 2,000 homes",
        """PHOENIX (AP) — A fast-moving wildfire in the hills west of Prescott, Arizona, forced authorities to order the evacuation of about 2,000 homes on Sunday as strong winds pushed flames toward subdivisions.

The Granite Wash Fire had burned about 6,500 acres by Sunday evening and was 0% contained, according to the state forestry department. No injuries had been reported.

A shelter was opened at a Prescott high school.""",
        "Colorado grass fire destroys barns, closes highway east of Pueblo",
        """PUEBLO, Colo. (AP) — A wind-driven grass fire east of Pueblo destroyed several barns and outbuildings and forced the closure of a stretch of U.S. Highway 50 on Monday, officials said.

The fire burned about 3,200 acres of ranchland before crews contained it by late afternoon. A handful of ranch families were evacuated but allowed to return in the evening.

Investigators said the fire may have been sparked by a downed power line.""",
        14,
    ),
    # 12 -- two IPOs on the same day
    (
        "Fernhill Medical prices IPO at $19 per share, below range",
        """NEW YORK (Reuters) - Medical device maker Fernhill Medical priced its initial public offering at $19 per share on Wednesday, below its marketed range of $21 to $23, raising about $285 million.

The Minneapolis-based company, which makes implantable devices to treat chronic back pain, sold 15 million shares. It is set to begin trading on the Nasdaq on Thursday.

Fernhill reported a net loss of $44 million for the first nine months of the year.""",
        "Coastline Payments raises $610 million in upsized IPO",
        """NEW YORK (Reuters) - Payments processor Coastline Payments raised $610 million in its U.S. initial public offering on Wednesday after selling more shares than planned at the top of its price range.

Coastline sold 22.6 million shares at $27 each, compared with an earlier plan to sell 20 million, the company said. It will list on the New York Stock Exchange under the ticker "CSTL".

The company processes card payments for restaurants and small retailers.""",
        2,
    ),
    # 13 -- two votes in central Europe on the same Sunday
    (
        "Freedom Party wins Carinthia state election in Austria",
        """VIENNA (Reuters) - Austria's far-right Freedom Party won a state election in the southern province of Carinthia on Sunday, projections showed, ending decades of Social Democratic dominance in the region.

The Freedom Party was projected to win 34.2% of the vote, up nearly 11 points, while the Social Democrats fell to 29.8%.

The party's regional leader said he would seek to form a government.""",
        "Slovenians reject pension reform in referendum",
        """LJUBLJANA (Reuters) - Slovenian voters rejected a government plan to raise the retirement age in a referendum on Sunday, preliminary results showed, dealing a blow to the centre-left coalition.

About 63% of those who voted opposed the reform, which would have raised the retirement age gradually to 67. Turnout exceeded the required quorum.

The prime minister said the government would respect the outcome and draft a new proposal.""",
        4,
    ),
    # 14 -- UK labour market data and UK inflation data a day apart
    (
        "UK wage growth slows to 4.1%, unemployment holds at 5.0%",
        """LONDON (Reuters) - British wage growth slowed more than expected in the three months to October, official data showed on Tuesday, adding to signs that the labour market is cooling.

Regular pay excluding bonuses rose 4.1% year-on-year, down from 4.5% in the previous three-month period, the Office for National Statistics said. Economists had expected 4.3%.

The unemployment rate held at 5.0%, while the number of job vacancies fell for the 41st consecutive period.""",
        "UK inflation slows to 2.9% in November as food prices ease",
        """LONDON (Reuters) - British consumer price inflation fell to 2.9% in November from 3.2% in October, official data showed on Wednesday, the lowest rate in over a year, driven by a slowdown in food price increases.

Economists polled by Reuters had expected inflation of 3.0%. Services inflation, watched closely by the Bank of England, eased to 4.2% from 4.5%.

Sterling fell against the dollar as investors bet on an interest rate cut early next year.""",
        24,
    ),
    # 15 -- same statistic, two countries, same morning
    (
        "French economy grows 0.3% in third quarter, beating forecasts",
        """PARIS (Reuters) - France's economy grew 0.3% in the third quarter, faster than expected, helped by stronger exports of aircraft and a pickup in household spending, national statistics agency INSEE said on Thursday.

Economists had forecast growth of 0.2%. In the second quarter, the economy expanded 0.2%.

Business investment fell for a third consecutive quarter.""",
        "Spain's GDP rises 0.6% in Q3, maintaining strong momentum",
        """MADRID (Reuters) - Spain's economy grew 0.6% in the third quarter, the National Statistics Institute (INE) said on Thursday, continuing to outpace its big euro zone peers on the back of strong tourism, immigration and investment.

Year-on-year, gross domestic product expanded 2.7%.

Domestic demand contributed 0.7 percentage points to quarterly growth, while net exports subtracted 0.1 points.""",
        1,
    ),
    # 16 -- two space launches by different companies
    (
        "Stratos Dynamics rocket fails on second test flight over New Mexico",
        """(Reuters) - Stratos Dynamics' Skylance rocket failed about two minutes after lifting off from Spaceport America in New Mexico on Tuesday, the company said, the second failure in two flights for the startup.

The rocket was carrying a test payload and no customer satellites. Video showed the vehicle beginning to tumble shortly after first-stage separation.

Stratos said it would work with the Federal Aviation Administration to investigate the failure.""",
        "Zenwave Aerospace lunar lander launches from Florida",
        """CAPE CANAVERAL, Fla. (Reuters) - Zenwave Aerospace's robotic lunar lander lifted off from Cape Canaveral early Wednesday, beginning a journey of about five weeks to the moon's south polar region.

The Aster lander, carrying NASA science instruments and a small rover built by a university in South Korea, separated from its rocket about an hour after launch, the company said.

Zenwave's chief executive said the spacecraft was healthy and communicating with mission control in Houston.""",
        30,
    ),
    # 17 -- two IT outages at different companies
    (
        "Ebbsworth Building Society customers locked out of app and online banking",
        """LONDON (Reuters) - Customers of Ebbsworth Building Society were unable to log into its mobile app or online banking for several hours on Monday after what the lender described as a "technical issue".

Ebbsworth said card payments and cash machines were working normally and that there was no evidence of a cyberattack.

Services were restored by late afternoon.""",
        "Ardmore Airways check-in system failure causes Heathrow delays",
        """LONDON (Reuters) - A failure in Ardmore Airways' check-in system caused long queues and delays at London Heathrow on Monday evening, with dozens of flights departing late and some cancelled, the airline said.

Staff checked passengers in manually for about three hours while engineers worked to fix the fault, which Ardmore blamed on a problem at an external IT supplier.

Heathrow advised Ardmore passengers to allow extra time.""",
        10,
    ),
    # 18 -- two US Supreme Court rulings on the same day
    (
        "US Supreme Court sides with hospitals in Medicare reimbursement fight",
        """WASHINGTON (Reuters) - The U.S. Supreme Court ruled on Monday that the federal government had used an improper formula to calculate extra Medicare payments to hospitals that treat many low-income patients, a decision that could be worth billions of dollars to the facilities.

In a 6-3 ruling, the court's conservative majority reversed a lower court decision in favor of the Department of Health and Human Services.""",
        "Supreme Court rejects Alabama inmate's bid for new DNA testing",
        """WASHINGTON (Reuters) - The U.S. Supreme Court on Monday declined to hear an appeal by an Alabama death row inmate seeking new DNA testing of evidence from his 1998 murder trial, leaving his conviction in place.

The court's three liberal justices dissented from the decision not to take up the case, saying the testing could cast doubt on the inmate's guilt.

The inmate's lawyers said they would pursue other legal options.""",
        0,
    ),
    # 19 -- two Italian bank deals on the same day
    (
        "Banca del Brenta agrees to buy Cassa Rurale Atesina for 780 million euros",
        """MILAN (Reuters) - Italy's Banca del Brenta said on Monday it had agreed to buy regional lender Cassa Rurale Atesina for 780 million euros ($910 million) in cash, expanding its presence in the Trentino-Alto Adige region.

The deal will create a group with about 310 branches and 41 billion euros in customer deposits. Banca del Brenta expects annual cost savings of 60 million euros by 2029.

Both boards have approved the transaction.""",
        "Istituto Bancario Ligure launches hostile bid for Banca di Lucca",
        """MILAN (Reuters) - Istituto Bancario Ligure launched an unsolicited all-share offer for Tuscan lender Banca di Lucca on Monday, valuing the target at about 1.1 billion euros, in the latest move in a wave of consolidation among Italy's mid-sized banks.

Banca di Lucca's board said the offer "significantly undervalues" the bank and that it had not been consulted.

Shares in Banca di Lucca jumped 14%, above the implied offer price.""",
        3,
    ),
    # 20 -- same company: regulator penalty vs product recall
    (
        "Tollgate Appliances to pay $9.5 million penalty for late reporting of dryer defect",
        """WASHINGTON (Reuters) - Tollgate Home Appliances has agreed to pay a $9.5 million civil penalty to settle allegations that it failed to promptly report a defect in its clothes dryers that could cause them to overheat, the U.S. Consumer Product Safety Commission said on Monday.

The commission said Tollgate had received more than 100 reports of overheating, including several fires, before it informed regulators. The dryers were recalled two years ago.

Tollgate denied the allegations but agreed to settle.""",
        "Tollgate recalls 410,000 dishwashers after reports of door springs snapping",
        """(Reuters) - Tollgate Home Appliances is recalling about 410,000 built-in dishwashers sold in the United States and Canada because the door spring can break, causing the door to fall open suddenly and strike users, the company said on Thursday.

Tollgate has received 57 reports of springs breaking, including nine reports of minor injuries to feet and legs.

Consumers should contact the company for a free repair.""",
        60,
    ),
    # 21 -- two typhoons in the western Pacific
    (
        "Typhoon Karelo makes landfall in eastern Philippines, thousands flee",
        """MANILA (Reuters) - Typhoon Karelo made landfall in the eastern Philippine province of Samar on Tuesday with sustained winds of 150 kph, forcing more than 60,000 people into evacuation centres and cancelling dozens of flights and ferry trips.

The weather bureau warned of storm surges of up to 3 metres along coastal areas. Two people were reported missing after their fishing boat capsized.

Karelo is expected to cross the central Visayas region before heading out to the South China Sea.""",
        "Typhoon Ranmei heads toward Okinawa, flights cancelled",
        """TOKYO (Reuters) - Typhoon Ranmei was churning toward Japan's southern island of Okinawa on Wednesday, prompting airlines to cancel more than 200 flights and authorities to urge residents to stay indoors.

The Japan Meteorological Agency said the storm was packing gusts of up to 216 kph and was expected to pass close to Okinawa's main island late on Thursday.

Several US military aircraft based on the island were moved to safer locations.""",
        36,
    ),
    # 22 -- two matches at the same tennis tournament on the same day
    (
        "Top seed Kovalenko cruises into Australian Open quarter-finals",
        """MELBOURNE (Reuters) - Top seed Daria Kovalenko reached the Australian Open quarter-finals for the third year running on Monday, beating Czech Tereza Mlynarova 6-2 6-3 in 71 minutes on Rod Laver Arena.

The Ukrainian, who has not dropped a set at the tournament, will play American Brooke Hadley for a place in the semi-finals.""",
        "Home hope Whitford knocked out of Australian Open by qualifier",
        """MELBOURNE (Reuters) - Australia's Liam Whitford was knocked out of the Australian Open in the fourth round on Monday, losing 7-6(4) 4-6 6-3 6-4 to French qualifier Hugo Marchand in a major upset on Margaret Court Arena.

The 11th seed struggled with his serve throughout the match, hitting 12 double faults.

Marchand, ranked 142nd in the world, becomes the first qualifier to reach the men's quarter-finals in Melbourne in over a decade.""",
        3,
    ),
    # 23 -- two tech companies announce layoffs on the same day
    (
        "Nuvola Cloud to cut 800 jobs in restructuring",
        """(Reuters) - Cloud data management company Nuvola Cloud said on Wednesday it would cut about 800 jobs, or 12% of its workforce, as it restructures its sales organisation and focuses on larger enterprise customers.

The company expects to incur charges of about $45 million, mostly in the fourth quarter. Its shares rose 5% in extended trading.""",
        "Chip design startup Tensor Peak lays off a third of staff",
        """(Reuters) - Tensor Peak, a startup designing chips for artificial intelligence inference, has laid off about 300 employees, roughly a third of its workforce, after failing to close a new funding round, according to a memo seen by Reuters.

The company will focus on a single product line and pause work on its next-generation chip, chief executive Yuki Takamatsu wrote in the memo.""",
        4,
    ),
    # 24 -- CEO departures at two different lenders
    (
        "Fairhaven Bank CEO Delaney to retire after 12 years at helm",
        """BOSTON (Reuters) - Fairhaven Bank Corp said on Tuesday that Chief Executive Patrick Delaney would retire next June after 12 years in the role, and that president Sarah Lindqvist-Moore would succeed him.

Delaney, 66, oversaw the regional lender's expansion from New England into New York and New Jersey through a series of acquisitions. He will remain on the board as non-executive chairman.""",
        "Eastgate Savings ousts chief executive after loan losses mount",
        """(Reuters) - Eastgate Savings Bank said on Wednesday its board had removed chief executive Gordon Pike with immediate effect, weeks after the lender disclosed a jump in bad loans tied to commercial real estate.

Chief risk officer Angela Roy will serve as interim CEO while the board conducts a search. Eastgate shares fell 7%.""",
        26,
    ),
    # 25 -- same prime minister: budget vs confidence vote
    (
        "Portugal's government unveils budget with tax cuts for young workers",
        """LISBON (Reuters) - Portugal's minority government presented its draft budget for next year on Monday, including income tax cuts for workers under 35 and a rise in public investment funded by European Union recovery money.

Finance ministry projections show a small budget surplus of 0.2% of gross domestic product next year and public debt falling below 90% of GDP.

Prime Minister Rui Sarmento will need opposition support to pass the budget.""",
        "Portuguese PM Sarmento survives no-confidence motion over hospital crisis",
        """LISBON (Reuters) - Portuguese Prime Minister Rui Sarmento's government survived a no-confidence motion in parliament on Wednesday, after the main opposition party abstained in a vote over the government's handling of emergency room closures.

The motion, tabled by a small left-wing party, was rejected by 118 votes to 62. Opposition lawmakers accused the health minister of failing to prevent staff shortages that have forced several hospitals to shut their emergency departments at night.""",
        50,
    ),
    # 26 -- two floods in Spain in the same week
    (
        "Floods hit Galicia as storm brings record rainfall, one missing",
        """MADRID (Reuters) - Heavy rain flooded towns across the northwestern Spanish region of Galicia on Sunday, forcing dozens of people from their homes and leaving one man missing after his car was swept away, emergency services said.

The Minho river burst its banks in several places and schools in the province of Ourense will stay closed on Monday.""",
        "Torrential rain floods streets in Catalonia, disrupts Barcelona commuter trains",
        """BARCELONA (Reuters) - Torrential rain lashed Catalonia on Tuesday, flooding streets and underpasses in Barcelona and several coastal towns and forcing the suspension of some commuter rail lines.

Firefighters received more than 600 calls for help, mostly for flooded basements and fallen trees. No injuries were reported.

Spain's weather agency had issued an orange alert for the region.""",
        44,
    ),
    # 27 -- same airline: aircraft order vs pilots' strike ballot
    (
        "Coralis Airways orders 30 Embraer jets to expand regional network",
        """SAO PAULO (Reuters) - Coralis Airways has ordered 30 Embraer E195-E2 jets with options for another 20, the Brazilian planemaker said on Tuesday, as the carrier expands its regional routes in South America.

The firm order is worth about $2.7 billion at list prices, though airlines typically secure significant discounts. Deliveries are due to begin in 2028.""",
        "Coralis pilots vote to strike in pay dispute",
        """SAO PAULO (Reuters) - Pilots at Coralis Airways voted overwhelmingly to strike over pay and rest periods, their union said on Wednesday, raising the prospect of disruption during the busy summer holiday season.

The union said 91% of members who voted backed industrial action. No dates have been set. Coralis said it remained open to talks.""",
        18,
    ),
    # 28 -- two white-collar verdicts on the same day
    (
        "Former Quarry Hill Foods finance chief convicted of accounting fraud",
        """NEW YORK (Reuters) - A former chief financial officer of Quarry Hill Foods was convicted by a federal jury in Manhattan on Thursday of orchestrating a scheme to inflate the company's reported revenue.

Jurors found Martin Keogh guilty of securities fraud and conspiracy after a three-week trial. He faces up to 20 years in prison on the top count. Sentencing was set for April.""",
        "Crypto lender founder Vasquez acquitted of wire fraud charges",
        """(Reuters) - A federal jury in Miami on Thursday acquitted the founder of failed crypto lender Coralbyte of wire fraud charges, in a rare defeat for prosecutors in a cryptocurrency case.

Andrea Vasquez had been accused of misleading depositors about the safety of their funds. Her lawyers argued that she had been misled by her own trading staff.""",
        2,
    ),
    # 29 -- two incidents in the same city on the same day
    (
        "Two dead in Baltimore rowhouse fire",
        """BALTIMORE (AP) — Two people died in a fire that tore through a rowhouse in West Baltimore early Saturday, fire officials said.

Firefighters found the victims, a man and a woman, on the second floor. A third person jumped from a window and was taken to a hospital with serious injuries.

The cause of the fire is under investigation.""",
        "Baltimore police officer shoots man during traffic stop",
        """BALTIMORE (AP) — A Baltimore police officer shot and wounded a man during a traffic stop in the city's Northeast district on Saturday afternoon, police said.

The man, who police said was armed with a handgun, was taken to a hospital in stable condition. The officer was not injured.

The state attorney general's office is investigating, as is standard in police shootings.""",
        8,
    ),
    # 30 -- two NBA games on the same night
    (
        "Celtics pull away from Heat for 118-104 win",
        """BOSTON (AP) — Marcus Bellamy scored 31 points and the Boston Celtics used a big third quarter to beat the Miami Heat 118-104 on Friday night.

Boston outscored Miami 36-19 in the third after trailing by four at halftime. Devin Ashford added 22 points and 11 rebounds for the Celtics, who have won six of seven.

Tyrell Okoye had 25 points for Miami, which lost for the third straight game.""",
        "Nuggets hand Lakers fourth straight loss",
        """DENVER (AP) — Andre Kowalczyk had 28 points, 14 rebounds and nine assists, and the Denver Nuggets beat the Los Angeles Lakers 121-109 on Friday night, sending Los Angeles to its fourth straight defeat.

Jamal Price scored 24 for Denver. The Lakers were without two starters because of injuries and shot 39% from the field.

Chris Dalton led Los Angeles with 27 points.""",
        0,
    ),
    # 31 -- oil prices on consecutive days
    (
        "Oil rises 2% as OPEC+ signals deeper output cuts",
        """LONDON (Reuters) - Oil prices rose about 2% on Monday after sources said OPEC+ producers were discussing deeper production cuts at their meeting later this week to support prices.

Brent crude futures were up $1.31, or 2.0%, at $66.84 a barrel by 1430 GMT, while U.S. West Texas Intermediate crude gained $1.22, or 2.0%, to $62.95.""",
        "Oil falls as weak Chinese data revives demand worries",
        """SINGAPORE (Reuters) - Oil prices fell on Tuesday, giving up part of the previous session's gains, after weaker-than-expected factory data from China revived concerns about demand in the world's biggest crude importer.

Brent crude futures fell 94 cents, or 1.4%, to $65.90 a barrel by 0630 GMT. U.S. crude was down 88 cents at $62.07.""",
        24,
    ),
    # 32 -- two supermarket groups report on the same morning
    (
        "Halsey's Christmas sales rise 3.8% as shoppers splash out on premium ranges",
        """LONDON (Reuters) - British supermarket chain Halsey's reported a 3.8% rise in like-for-like sales over the six weeks to Jan. 3, helped by strong demand for its premium own-label range, and kept its full-year profit forecast.

Chief Executive Priya Nandra said customers had "treated themselves" despite pressure on household budgets. Shares rose 3%.""",
        "Marlowe Stores half-year profit slides as price war bites",
        """LONDON (Reuters) - Marlowe Stores reported a 14% fall in first-half underlying pretax profit on Thursday, to 212 million pounds, as the discount grocer cut prices to defend its market share against rivals.

Revenue rose 2.1% to 6.8 billion pounds. Marlowe said it would keep investing in lower prices and expected full-year profit at the lower end of its guidance range.""",
        1,
    ),
    # 33 -- two cyberattacks on public bodies in different countries
    (
        "Cyberattack takes Kent council's systems offline",
        """MAIDSTONE, England (Reuters) - A cyberattack has forced Ashbourne District Council in Kent to take its IT systems offline, disrupting online services including council tax payments and planning applications, the council said on Tuesday.

The council said it was working with the National Cyber Security Centre and that it was too early to say whether residents' personal data had been accessed.""",
        "Lyon hospital cancels operations after ransomware attack",
        """PARIS (Reuters) - A hospital in the French city of Lyon has postponed non-urgent operations and diverted some emergency patients after a ransomware attack disabled its computer systems, regional health authorities said on Wednesday.

Staff have switched to paper records. France's cyber security agency ANSSI is helping the hospital restore its systems.""",
        30,
    ),
    # 34 -- two regulators fine two different firms on the same day
    (
        "FCA fines Eastwick Bank 29 million pounds over money laundering controls",
        """LONDON (Reuters) - Britain's Financial Conduct Authority fined Eastwick Bank 29 million pounds on Wednesday for weaknesses in its anti-money laundering systems that allowed suspicious transactions to go unchecked for years.

The FCA said Eastwick failed to properly monitor more than 40,000 high-risk customer accounts between 2019 and 2023.""",
        "SEC fines Lockridge Securities $18 million over off-channel messaging",
        """WASHINGTON (Reuters) - The U.S. Securities and Exchange Commission said on Wednesday that broker-dealer Lockridge Securities had agreed to pay an $18 million penalty for failing to preserve employees' business communications sent on personal messaging apps.

Lockridge admitted the facts in the SEC's order and agreed to hire a compliance consultant.""",
        5,
    ),
    # 35 -- two product launches at the same trade show
    (
        "Lumiq shows off roll-up OLED TV at CES",
        """LAS VEGAS (Reuters) - South Korean electronics maker Lumiq unveiled a 77-inch OLED television that rolls up into its stand at the CES technology show on Monday, and said it would go on sale in the United States in the spring.

The company did not disclose the price but said it would be "significantly lower" than previous rollable models.""",
        "Orrery Labs unveils AI-powered hearing aid earbuds at CES",
        """LAS VEGAS (Reuters) - Startup Orrery Labs unveiled earbuds that double as over-the-counter hearing aids at CES on Monday, using on-device artificial intelligence to separate speech from background noise in restaurants and other loud environments.

The earbuds will cost $349 and ship in April.""",
        3,
    ),
    # 36 -- same central bank: rate decision vs penalty on a lender
    (
        "South Africa's central bank holds repo rate at 6.75%",
        """JOHANNESBURG (Reuters) - The South African Reserve Bank kept its main lending rate unchanged at 6.75% on Thursday, as expected, saying risks to the inflation outlook remained elevated.

Four members of the monetary policy committee voted to hold, while two preferred a 25 basis point cut, the governor told a news conference.""",
        "SARB fines Karoo Mutual Bank 42 million rand over anti-money laundering lapses",
        """JOHANNESBURG (Reuters) - The South African Reserve Bank's Prudential Authority fined Karoo Mutual Bank 42 million rand ($2.3 million) for failing to comply with anti-money laundering laws, the central bank said on Saturday.

The authority found that Karoo had not properly verified customers' identities or reported suspicious transactions. The bank said it had strengthened its controls.""",
        48,
    ),
    # 37 -- same shipping company: acquisition vs a grounded vessel
    (
        "Tollund Shipping to buy Nordhavn Lines in $1.4 billion deal",
        """OSLO (Reuters) - Danish container carrier Tollund Shipping said on Monday it had agreed to buy smaller rival Nordhavn Lines for $1.4 billion, adding 38 vessels and strengthening its position on Baltic and North Sea feeder routes.

The deal is subject to approval by competition authorities in the European Union and is expected to close in the middle of next year.""",
        "Tollund container ship runs aground off Norway, no injuries",
        """OSLO (Reuters) - A container ship operated by Tollund Shipping ran aground in bad weather near the Norwegian port of Alesund on Thursday, the Norwegian Coastal Administration said. None of the 19 crew members was injured.

No oil leak had been detected, the agency said, and salvage tugs were on their way to the vessel.""",
        70,
    ),
    # 38 -- two marathons on the same weekend
    (
        "Kenya's Kipchumba wins Valencia Marathon in course record",
        """VALENCIA, Spain (Reuters) - Kenya's Eliud Kipchumba won the Valencia Marathon on Sunday in a course record of 2 hours 1 minute 48 seconds, finishing 23 seconds ahead of Ethiopia's Tadese Worku.

In the women's race, Ethiopia's Hiwot Gebre won in 2:15:32.""",
        "Japan's Moriyama takes Fukuoka Marathon title",
        """FUKUOKA, Japan (Reuters) - Japan's Kenta Moriyama won the Fukuoka International Marathon on Sunday in 2:06:11, outsprinting Kenya's Daniel Rotich in the final kilometre.

It was the first Japanese victory in the race in nine years. Moriyama, who works for a car parts maker in Aichi, broke away from a lead group of five runners just after the 35-kilometre mark.""",
        20,
    ),
    # 39 -- two train derailments in different countries
    (
        "Freight train derails in Saskatchewan, spilling canola",
        """REGINA (Reuters) - About 30 cars of a freight train derailed near the town of Melville, Saskatchewan, on Monday, spilling canola seed but causing no injuries, the railway said.

No dangerous goods were involved. The cause is under investigation by the Transportation Safety Board of Canada.""",
        "Passenger train derails in Romania, injuring 11",
        """BUCHAREST (Reuters) - A passenger train derailed near the Romanian city of Brasov on Tuesday, injuring 11 people, two of them seriously, emergency services said.

The train, travelling from Bucharest to Sibiu, had about 200 passengers on board. Authorities said heavy rain may have washed out part of the track.""",
        33,
    ),
]
