import type { DemoArticle } from './types.js';

export const articlesA: DemoArticle[] = [
  {
    slug: 'harbour-bridge-closed-after-inspectors-find-corroded-cables',
    headline: 'Harbour Bridge shut to all traffic after inspectors find corroded cable wires',
    standfirst:
      'The city’s main crossing closed without warning at 5am after a routine inspection found broken and rusted wires inside the north main cable. Officials say it will stay shut for at least a week.',
    section: 'city',
    kind: 'news',
    authors: ['mara-okonkwo'],
    tags: ['harbour-bridge', 'transport', 'city-council'],
    image: 'bridge',
    hoursAgo: 120,
    story: 'harbour-bridge-closure',
    notes: [
      {
        kind: 'update',
        text: 'This article was updated to add the council’s confirmation that pedestrians and cyclists are also barred from the bridge, and that an ambulance crew and a fire engine have been moved to the north shore.',
        hoursAfterPublication: 3,
      },
    ],
    body: `The Calder Harbour Bridge was closed to all traffic at 5am today after engineers carrying out a scheduled inspection found broken and badly corroded steel wires inside one of its two main suspension cables.

Barriers went up at both approaches before the morning rush, and police officers turned drivers back at the Quayside roundabout on the south shore and at the Harrowgate interchange on the north side. The bridge normally carries about 48,000 vehicles a day between the city centre and the northern districts.

In a statement issued shortly after 6am, Calder Bay City Council called the closure "a precaution we cannot responsibly avoid" and said the crossing would remain shut for at least seven days while the damage was assessed.

## What the inspectors found

The problem was discovered late on Sunday by a team from Brannock Structural, the contractor that carries out the bridge’s six-yearly internal cable inspection. To see inside a main cable, crews strip back its protective wrapping and drive wedges between the bundled wires to expose the layers beneath.

According to the council, the team found 214 broken wires in a short stretch of the north main cable close to the north anchorage, with many more showing heavy rust. The cable contains 8,732 wires in total.

Dr Anouk Fenwright, the council’s chief bridge engineer, said the number of breaks on its own was not the main worry.

> What concerns us is the pattern. The broken wires are clustered, and the corrosion around them is advanced. Until we know how far along the cable that goes, we cannot say how much load it can safely carry.

She said there was no sign of movement in the deck or the towers and stressed that the bridge had not been close to collapse. "We are closing it so that it never gets anywhere near that point," she said.

## Long detours

With the bridge shut, the only road route between the two shores is the Fennick road bridge, 31 kilometres inland. Baylink, the main bus operator, said its cross-bay routes 4, 4A and 17 would run via Fennick, adding between 45 and 70 minutes to journeys.

Calder Bay Ferries said it would add sailings between the north pier and Saltgate quay from midday and urged passengers to travel outside peak hours where they could. The council also confirmed that:

- pedestrians and cyclists are barred from the bridge as well as vehicles;
- an ambulance crew and a fire engine have been moved to the north shore station at Kilnmoor;
- schools on both shores will open as normal, and pupils who cannot reach them will not be marked absent.

## Questions for the council

The bridge opened 58 years ago and its main cables have never been replaced. Councillor Gideon Tarrant, leader of the opposition Civic Reform group, said he would be asking how long the council had known the cables were deteriorating, and why money for maintenance had not been found in recent budgets.

"People deserve to know whether this was a surprise or a warning that was ignored," he said.

[[read-more: council-budget-gap-threatens-libraries-and-pools]]

Mayor Orla Brennick said the inspection regime had "worked exactly as intended" by finding the damage before anyone was hurt. She promised daily updates and said the council would publish the inspectors’ findings in full once the contractor had delivered its written report.`,
  },
  {
    slug: 'bridge-closure-brings-gridlock-and-ferry-queues',
    headline: 'Gridlock on the Fennick road and hour-long ferry queues as bridge closure bites',
    standfirst:
      'Commuters from the north shore faced journeys of up to three hours on the first full working day without the Harbour Bridge.',
    section: 'city',
    kind: 'news',
    authors: ['mara-okonkwo', 'news-desk'],
    tags: ['harbour-bridge', 'transport'],
    image: 'ferry',
    hoursAgo: 96,
    story: 'harbour-bridge-closure',
    notes: [
      {
        kind: 'correction',
        text: 'An earlier version of this article said the extra ferry sailings would add capacity for 4,000 passengers a day. The correct figure, according to Calder Bay Ferries, is 2,400.',
        hoursAfterPublication: 5,
      },
    ],
    body: `Traffic on the road to the Fennick bridge was backed up for more than 11 kilometres by 7.30am today, and queues at the north pier ferry terminal stretched along the promenade, as Calder Bay went through its first full working day without the Harbour Bridge.

[[read-more: harbour-bridge-closed-after-inspectors-find-corroded-cables]]

## On the road

Drivers who would normally cross the bay in ten minutes reported journeys of two and a half to three hours via Fennick, now the only road crossing. Calder Bay Police said there had been six minor collisions on the Fennick road before 9am, and that a broken-down lorry near Ashby Cross had closed one lane for 40 minutes at the height of the rush.

Superintendent Rhys Oduya urged anyone who could work from home to do so. "The road network on the north side was never designed to take the bridge’s traffic," he said. "We will keep it moving as best we can, but every car that stays off it this week helps."

Baylink said its diverted cross-bay buses had run between 50 and 95 minutes late. The company has added four vehicles to route 4 and said it was talking to the council about a temporary bus lane on the Fennick road.

## At the ferry terminals

At the north pier, the first queue formed before 5.30am. Calder Bay Ferries normally runs two vessels on the crossing to Saltgate quay, each carrying up to 350 passengers, with a sailing every 30 minutes at peak times.

The company has brought its reserve vessel, the _Kestrel_, back into service and moved to sailings every 15 minutes between 6am and 10am and again from 3pm to 7pm. Bettina Corrigan, its operations manager, said the extra sailings would add capacity for about 2,400 passengers a day.

> We are running everything that floats. The crews have been fantastic, but I won’t pretend it is enough to replace a bridge. If you can travel at eleven in the morning rather than eight, please do.

Passengers waiting at the terminal were mostly patient, if weary. Lena Strachan, a nurse at Calder Bay General Hospital who lives in Harrowgate, said she had left home at 5am for a 7.30am shift. "I’ll manage it this week. I don’t know how I manage it for a month," she said.

## Businesses feel it

Shops along Saltgate’s high street said trade was down sharply. Farid Osei-Lund, who runs a café opposite the ferry quay, said the morning had been "busy for coffee, empty for everything else". On the north side, the Harrowgate Traders’ Association said several members had closed early so that staff could get home before dark.

The council said it was considering temporary measures including:

- a park-and-ride from the Kilnmoor retail park to the north pier;
- free ferry travel for health and care workers with staff passes;
- staggered start times for council offices and schools.

A decision is expected at an emergency meeting of the full council later this week. Council officers said they were also asking the port whether freight could be moved off the Fennick road at night to ease congestion during the day.`,
  },
  {
    slug: 'council-emergency-session-bridge-funding-row',
    headline: 'Bridge repair bill splits council as shelved cable report resurfaces',
    standfirst:
      'An emergency session heard the first estimate for repairs, £38m, and a row broke out over a maintenance plan that was put off two years ago.',
    section: 'politics',
    kind: 'news',
    authors: ['tomas-reyes'],
    tags: ['harbour-bridge', 'city-council'],
    image: 'council',
    hoursAgo: 70,
    story: 'harbour-bridge-closure',
    body: `Calder Bay’s councillors clashed for more than four hours at an emergency session last night over who should pay to repair the Harbour Bridge, and whether the damage to its cables could have been prevented.

The meeting, called under rules that allow the mayor to summon the full council at 48 hours’ notice, heard the first official estimate for making the bridge safe: £38m over three years, according to a report from the council’s chief bridge engineer, Dr Anouk Fenwright. She cautioned that the figure could rise once the full length of the damaged cable had been examined.

[[read-more: harbour-bridge-closed-after-inspectors-find-corroded-cables]]

## A £6m emergency fund

Mayor Orla Brennick told the chamber the council could release £6m immediately from its emergency reserve, enough to pay for further inspection, monitoring equipment and the first stage of work. For the rest, she said, the city would ask the Eastmarch regional assembly for help.

"This is not just a Calder Bay bridge. It carries freight for the whole region and patients to the region’s main hospital," she said. "I will be asking the assembly to treat it that way."

Councillors approved the release of the £6m by 41 votes to 3, and agreed to:

- free ferry travel for health and care workers for the duration of the closure;
- a temporary bus lane on the Fennick road, in place from next week;
- a weekly public report on the condition of the bridge.

## The shelved report

The sharpest exchanges came over a report written two years ago by the consultants Harlow & Quine, which recommended installing a dehumidification system inside the main cables at a cost of about £9m. Dry air blown along a cable beneath its wrapping slows corrosion, and similar systems have been fitted to many suspension bridges of the same age.

The report went to the council’s infrastructure committee but was not funded. Minutes show that the committee deferred it to "a future capital programme" during that year’s budget round.

Councillor Gideon Tarrant, leader of the Civic Reform opposition, read passages from the report aloud in the chamber.

> The council was told in plain language that the cables were at risk and what it would cost to protect them. It chose not to spend £9m, and now the city faces a bill four times that size and a bridge it cannot use.

Councillor Yusuf Amadi-Lowe, who chairs the infrastructure committee and sits with the mayor’s Harbour Alliance group, said the report had not identified any urgent danger. "Nobody in that room was told the bridge might have to close. We had a list of 60 projects and money for 12," he said. He added that he would welcome an independent look at the decision.

## What happens next

Councillors then voted unanimously for an independent review of bridge maintenance over the past decade, to be led by someone from outside the council. Its terms of reference are due within a fortnight.

The regional assembly’s transport minister, Halvard Nyquist, said in a short statement that he had "noted the council’s request" and would meet the mayor next week. He did not commit to any sum.

[[read-more: council-budget-gap-threatens-libraries-and-pools]]

The £6m will come from a general reserve that was already expected to fall sharply under the draft budget published only days before the closure, a point several councillors raised before the vote.`,
  },
  {
    slug: 'what-engineers-found-inside-the-harbour-bridge-cables',
    headline: 'Explained: what engineers found inside the Harbour Bridge’s cables',
    standfirst:
      'Broken wires, trapped water and a cable that has lost part of its strength. Here is what the inspection revealed, and why it closed the city’s busiest crossing.',
    section: 'city',
    kind: 'explainer',
    authors: ['mara-okonkwo'],
    tags: ['harbour-bridge', 'transport'],
    image: 'bridge',
    hoursAgo: 45,
    story: 'harbour-bridge-closure',
    pin: 'featured',
    body: `Since the Harbour Bridge closed, the question people on both shores have been asking is a simple one: how can a bridge that looks exactly as it did last month suddenly be unsafe? The answer lies inside its two main cables, where the damage cannot be seen from the road.

This explainer draws on the inspection summary the council published this week, and on interviews with its chief bridge engineer and an independent structural engineer at Calder Bay University.

[[read-more: harbour-bridge-closed-after-inspectors-find-corroded-cables]]

## How the cables work

The bridge’s deck hangs from two main cables, each draped over the towers and anchored into concrete blocks on either shore. Each main cable is about 50 centimetres across and is made of 8,732 parallel steel wires, each roughly 5 millimetres thick, squeezed together and wrapped in a protective layer of wire and paint.

Because the load is shared across thousands of wires, a cable can lose some of them without failing. Engineers design in a large margin of safety for exactly that reason. The question after any inspection is how much of that margin is left.

## What was found

Inspectors opened the north main cable at eight points along its length. At seven of them the wires were in reasonable condition for their age. At the eighth, about 40 metres from the north anchorage and close to the lowest point of the cable on the shore side, the team found:

- 214 broken wires, most of them in the lower half of the cable;
- heavy corrosion on many of the surrounding wires, some worn down to about two-thirds of their original thickness;
- standing water trapped inside the wrapping, which had split along a seam.

Dr Anouk Fenwright, the council’s chief bridge engineer, said the location mattered. Water that gets into a cable tends to run downhill and collect at low points, where it can sit for years.

> The wrapping is meant to keep water out, but once it cracks, rain gets in and cannot get out. Steel wires sitting in water for years is exactly the situation you most want to avoid.

## Why close the whole bridge?

The council’s engineers now estimate that the damaged section of the north cable has lost around 11 per cent of its strength. That is not enough to make it fail under normal traffic, but it is enough to push the remaining safety margin below the level set in national design guidance.

Professor Kerensa Vale, who teaches structural engineering at Calder Bay University and was not involved in the inspection, said closing the bridge while more of the cable was examined was "the conservative and correct decision".

"The danger is not what you’ve seen, it’s what you haven’t," she said. "If one low point is that bad, you have to check every other low point before you let 48,000 vehicles a day back on."

## What comes next

Since the day after the closure, engineers have been fitting acoustic sensors along both main cables. These listen for the sharp crack a wire makes when it snaps, which tells the council whether the damage is getting worse. Inspectors are also opening the south cable at matching low points.

Longer term, the options range from drying the cables with a dehumidification system, to adding new strands alongside the old ones, to replacing a cable entirely: a job that has been attempted on only a handful of bridges anywhere and would take years.

[[read-more: council-emergency-session-bridge-funding-row]]`,
  },
  {
    slug: 'harbour-bridge-to-reopen-to-buses-and-emergency-vehicles',
    headline: 'Harbour Bridge to reopen to buses and emergency vehicles from Monday',
    standfirst:
      'Sensors have recorded no new wire breaks in four days, engineers say. Cars will have to wait at least six more weeks, and lorries much longer.',
    section: 'city',
    kind: 'news',
    authors: ['mara-okonkwo', 'tomas-reyes'],
    tags: ['harbour-bridge', 'transport', 'city-council'],
    image: 'bridge',
    hoursAgo: 1.5,
    story: 'harbour-bridge-closure',
    breaking: true,
    pin: 'top',
    body: `Buses, ambulances, fire engines and police vehicles will be allowed back across the Calder Harbour Bridge from 6am on Monday, the city council announced this afternoon, after monitoring equipment recorded no new wire breaks inside its damaged cable.

Private cars, vans and lorries will remain barred. Mayor Orla Brennick said cars could return "no earlier than six weeks from now", and only if the monitoring results stayed stable. Heavy goods vehicles are likely to be kept off the bridge for months.

[[read-more: what-engineers-found-inside-the-harbour-bridge-cables]]

## What the sensors show

Acoustic sensors were fitted along both main cables in the days after the closure. They record the sharp sound of a steel wire snapping and can locate a break to within about a metre.

Dr Anouk Fenwright, the council’s chief bridge engineer, said the system had been listening for four days without recording a single new break in either cable. Inspectors who opened the south main cable at four low points found surface corrosion but no broken wires.

> That gives us confidence that the damage in the north cable is not getting rapidly worse. It does not mean the cable is repaired. It means we can let a limited, controlled load back on while we work out how to fix it.

## How the partial reopening will work

Under the arrangements announced today:

- only the two centre lanes will be open, one in each direction, keeping traffic away from the north edge of the deck;
- a 20mph limit will apply, and buses must keep at least 50 metres apart;
- access is limited to scheduled Baylink services, emergency vehicles and licensed taxis carrying wheelchair users;
- pedestrians and cyclists may use the south footway only.

Stewards will check vehicles at both approaches, and the council said number-plate cameras would be switched on within a fortnight. Baylink said routes 4, 4A and 17 would return to the bridge from the first morning, cutting journeys for its passengers by up to an hour.

## Reaction

The news was welcomed, cautiously, on the north shore. Marisol Denholm, chair of the Harrowgate Traders’ Association, said it was "the first good news since the barriers went up", though she added that most of her members’ customers drive.

Councillor Gideon Tarrant, leader of the Civic Reform opposition, said the partial reopening did nothing to settle the argument over money. "Buses on a bridge is a relief. It is not a repair plan, and we still do not know who is paying for one," he said.

[[read-more: council-emergency-session-bridge-funding-row]]

## Still no date for cars

Dr Fenwright said the next step was a detailed analysis of the whole north cable, which would decide whether cars can return under a weight limit and whether the cable needs dehumidification, additional strands or more drastic work. That analysis is due in about five weeks.

Calder Bay Ferries said its extra sailings, including those by the reserve ferry _Kestrel_, would continue until further notice. The free ferry pass for health and care workers also remains in place.

This is a developing story and will be updated.`,
  },
  {
    slug: 'council-budget-gap-threatens-libraries-and-pools',
    headline: 'Analysis: the £21m hole in the council budget, and who will feel it',
    standfirst:
      'Draft savings put two libraries and a swimming pool on the list. The arithmetic behind them is harder to argue with than the politics.',
    section: 'politics',
    kind: 'analysis',
    authors: ['tomas-reyes'],
    tags: ['city-council', 'economy'],
    image: 'council',
    hoursAgo: 150,
    body: `Every winter the draft budget at Calder Bay City Hall arrives with a number that councillors dread. This year it is £21m: the gap between what the council expects to spend next year on its current services and what it expects to raise.

The draft savings list published this week by the council’s finance director, Colm Variani, closes about two-thirds of that gap. The rest, for now, would come out of reserves. Neither half of that plan will be easy to get through the chamber.

## Where the gap comes from

Mr Variani’s report breaks the shortfall into five parts:

- adult social care, where demand and fees are rising: £8.4m;
- the pay award for council staff: £5.1m;
- energy and contract inflation: £3.2m;
- interest on the council’s borrowing: £2.6m;
- the end of a one-off grant from the Eastmarch regional assembly: £1.7m.

None of these is unusual. What makes this year harder is that the council’s main grant from the regional assembly is frozen in cash terms, and council tax cannot rise by more than 4.99 per cent without a local referendum. Even at the maximum increase, council tax would raise about £6.5m more, a figure already built into the draft.

## What is on the list

The savings total £14m. The ones residents will notice are the proposed closure of the Kilnmoor and Westerly Road libraries, saving £0.9m, and of the Marram Street swimming pool, which needs a new roof and would save £1.3m a year in running costs. Street cleaning in residential areas would drop from weekly to fortnightly, and parking charges in the city centre would rise by 20 per cent.

Less visible, but larger, is a £4m cut to the budget for maintaining roads, bridges and council buildings, achieved by pushing planned work back by a year.

## The politics

Mayor Orla Brennick’s Harbour Alliance holds 31 of the chamber’s 60 seats, just one more than half. That leaves very little room for rebellion, and at least two Alliance councillors representing Kilnmoor have already said they will not vote to close their library.

Councillor Gideon Tarrant, who leads the Civic Reform opposition, said the council should cut its spending on consultants before "shutting the places people actually use". The Bay Greens want the pool kept open and the roof repaired with borrowing.

> Every budget is a list of things you would rather not do. The honest question is which of them you can live with, and this list has not answered it yet.

That was Alderman Ruth Keswick, a former finance chair who now sits as an independent, speaking at a public meeting in Saltgate on Tuesday.

## The reserves question

The part of the plan that worries officers most is the least discussed. Taking £7m from reserves would leave the council’s general reserve at about £18m, the lowest it has been in a decade and close to the minimum the finance director considers prudent.

"Reserves are for the unexpected," Mr Variani wrote. "This budget uses them for the expected." If something large and unplanned came along next year, his report warns, the council would have little left to meet it.

The pressure on school places is part of the same picture.

[[read-more: three-primary-schools-to-merge-as-pupil-numbers-fall]]

The budget goes to the full council for a vote in six weeks, after a public consultation that opens on Monday.`,
  },
  {
    slug: 'ropewalk-estate-tenants-win-pause-on-demolition-plan',
    headline: 'Ropewalk estate tenants win six-month pause on demolition plan',
    standfirst:
      'The housing committee backed down after residents produced their own survey showing most want their homes refurbished, not knocked down.',
    section: 'city',
    kind: 'news',
    authors: ['mara-okonkwo'],
    tags: ['housing', 'city-council'],
    image: 'skyline',
    hoursAgo: 30,
    body: `Plans to demolish three tower blocks on the Ropewalk estate in east Calder Bay have been paused for six months after tenants presented a survey showing that most of them would rather see their homes refurbished.

The council’s housing committee voted on Tuesday evening to commission an independent comparison of the costs of refurbishment and rebuilding before taking any further decision. The vote was unanimous, a sharp change from last month, when the same committee backed the demolition proposal in principle.

## What was planned

Under the original scheme, drawn up with the developer Tidewater Homes, Anchor House, Bosun House and Capstan House, which together contain 312 flats, would have been pulled down over five years. They would have been replaced with 540 new homes, of which 35 per cent would be let at social rents.

Residents pointed out that this would mean 189 social-rent homes in place of the 288 that exist today, a loss of almost a hundred. The remaining flats in the towers are owned by leaseholders who bought under the right-to-buy scheme.

## The tenants’ survey

The Ropewalk Residents’ Association knocked on every door in the three blocks over four weekends. Of the 246 households that took part, 71 per cent said they wanted their homes refurbished, 18 per cent favoured demolition and 11 per cent were undecided.

Delphine Marr, the association’s chair, who has lived in Bosun House for 23 years, presented the results to the committee herself.

> Nobody here is saying the blocks are fine. The lifts break every week and the windows are older than my children. What we are saying is that there is a way to fix them without breaking up a community and ending up with fewer council homes at the end of it.

She said residents had also been worried by the lack of detail about where they would live during the works, and whether they would be guaranteed a home on the rebuilt estate.

## The council’s response

Councillor Noreen Faulds, who chairs the housing committee, said the survey had been "impossible to ignore" and that the council had been too quick to assume demolition was the only option.

"I would rather spend six months getting this right than thirty years living with a decision people felt was made for them," she said. She promised that any final scheme would be put to a ballot of residents.

The independent study will examine the condition of the concrete frames, the cost of new windows, lifts, insulation and fire safety works, and how long each option would take. A spokesperson for Tidewater Homes said the company "remains committed to working with the council and residents on whichever option is chosen".

The pause comes as the council faces scrutiny over the state of rented homes across the city, from both social and private landlords.

[[read-more: saltgate-landlord-fined-over-damp-and-mould]]

The study is expected to cost about £120,000 and will be paid for from the housing revenue account rather than the council’s general budget.`,
  },
  {
    slug: 'interview-mayor-orla-brennick-on-a-week-that-tested-her',
    headline: '‘I’m not going to pretend this is easy’: Mayor Orla Brennick on a week that tested her',
    standfirst:
      'In her first long interview since the Harbour Bridge closed, the mayor talks about the shelved cable report, the budget gap and whether she will stand again.',
    section: 'politics',
    kind: 'interview',
    authors: ['tomas-reyes'],
    tags: ['city-council', 'elections'],
    image: 'council',
    hoursAgo: 20,
    body: `Orla Brennick keeps a photograph of the Harbour Bridge on the wall of her office at City Hall. It was taken on the day she was elected mayor, from the deck of a ferry, with the towers lit orange by the evening sun. She says she has not looked at it much this week.

"It is a strange thing, to be responsible for something you have driven across ten thousand times and never once thought about," she says. "I think about it every minute now."

We spoke for an hour, two days after the emergency council session that approved £6m for the bridge and ordered an independent review of how it was maintained.

[[read-more: council-emergency-session-bridge-funding-row]]

## On the shelved report

The question she has faced most often is why the council did not pay for the £9m dehumidification system its consultants recommended two years ago. She does not dodge it, but nor does she accept the framing.

> The report said the cables should be protected. It did not say the bridge would have to close. We had sixty projects and money for twelve, and every one of the forty-eight we turned down had someone arguing it was urgent. I am not going to pretend that decision looks good now. It doesn’t. But it was not made carelessly.

Would she make the same decision again? She pauses. "Knowing what I know now, no. Obviously not. That is exactly why I want the review to be independent. If we got the process wrong, I want to know, and I want it fixed for whoever sits in this chair next."

## On money

The repair estimate stands at £38m and may rise. Ms Brennick is due to meet the regional assembly’s transport minister next week and says she will ask for "at least half". She concedes the council’s own finances leave little room.

"The budget was already tight before any of this. We were taking money out of reserves to keep libraries open, and now some of that reserve has gone on the bridge. I will not pretend there is a painless way through."

She rules out an emergency rise in council tax beyond the legal cap, and says the proposals to close two libraries and the Marram Street pool are "still on the table, and still the ones I like least".

[[read-more: council-budget-gap-threatens-libraries-and-pools]]

## On the election

City elections are due next spring, and her Harbour Alliance group governs with just one seat more than half the chamber. Opponents have already made the bridge the centre of their campaign. Asked whether she will stand again, she answers quickly.

"Yes. I would not walk away from this halfway through. People can judge me on how we handle it, and they will."

She is less forthcoming about whether the closure has damaged her. Councillor Gideon Tarrant, her likely challenger, has called the bridge "a monument to putting things off". She smiles at the line. "Gideon is good at phrases. I would like to see his costings."

As we finish, an aide comes in with the morning’s ferry figures. She reads them before she says goodbye.`,
  },
  {
    slug: 'saltgate-landlord-fined-over-damp-and-mould',
    headline: 'Landlord fined £84,000 over damp and mould in Saltgate flats',
    standfirst:
      'A judge said the company behind Linden Court had ignored repeated warnings while tenants, including young children, lived with black mould and broken heating.',
    section: 'city',
    kind: 'news',
    authors: ['mara-okonkwo'],
    tags: ['courts', 'housing'],
    image: 'courthouse',
    hoursAgo: 55,
    body: `A property company that owns a block of 23 flats in Saltgate has been fined £84,000 after admitting eleven offences relating to damp, mould and faulty heating, in what the council described as the largest penalty it has secured against a private landlord.

Penhallow Property Holdings, which owns Linden Court on Ferrier Street, was also ordered to pay £12,500 towards the council’s legal costs at Calder Bay Crown Court on Wednesday. The case was sent to the Crown Court for sentence after magistrates decided their own powers were not sufficient.

## What the court heard

Prosecuting for the council, Anders Pellow told the court that environmental health officers first inspected the building after a complaint from a tenant about two winters ago. They found black mould in bedrooms in nine flats, a communal boiler that had failed repeatedly, and a leaking roof above the top floor.

The company was served with improvement notices requiring repairs within 28 days. Mr Pellow said that when officers returned three months later, "almost nothing had been done", and that further visits over the following year found conditions in several flats had become worse.

Among the offences admitted were:

- failing to comply with four improvement notices;
- failing to keep the heating and hot water system in repair;
- failing to deal with water coming in through the roof and two external walls.

One tenant, a mother of two, said in a statement read to the court that her younger son had been admitted to hospital twice with breathing problems. "Every night I wiped the walls down and every morning the mould was back," she wrote. She has since been rehoused by the council.

## The company’s case

For Penhallow, Grace Tiernan said the company had been in financial difficulty and had been let down by a building contractor that went out of business midway through the roof repairs. She said the company had now spent £140,000 on the block, replacing the boiler and roof, and that all but two flats had been treated for damp.

Sentencing, Judge Imelda Rourke said those steps were "late and welcome, but they were taken under the pressure of prosecution, not out of any sense of obligation to the people living there".

> The company was warned repeatedly, in writing and in person. It chose to treat those warnings as an inconvenience. Tenants paid for that choice with their health.

## A stretched team

The council’s private housing enforcement team has six officers for a city with roughly 31,000 privately rented homes. Its manager, Beatrix Oyelaran, said outside court that the fine sent a message to landlords, but that the team could only prosecute a small fraction of the cases it saw.

"We take on the worst, and we get results, but there are hundreds of flats in this city that should not be let in the state they are in," she said. She urged tenants to report problems in writing and keep photographs.

Any further cuts to regulatory services are a live question in the current council budget round.

[[read-more: council-budget-gap-threatens-libraries-and-pools]]

Penhallow Property Holdings said after the hearing that it "accepted the court’s decision and apologised to residents". It has 28 days to pay.`,
  },
  {
    slug: 'three-primary-schools-to-merge-as-pupil-numbers-fall',
    headline: 'Three north shore primary schools could merge as pupil numbers fall',
    standfirst:
      'With hundreds of empty desks across Harrowgate and Kilnmoor, the council wants to run three schools from two sites. Parents have eight weeks to respond.',
    section: 'city',
    kind: 'news',
    authors: ['news-desk'],
    tags: ['education', 'city-council'],
    image: 'skyline',
    hoursAgo: 180,
    body: `Three primary schools on Calder Bay’s north shore could be merged into two under proposals published by the city council this week, as falling birth rates leave classrooms half empty.

The plan would bring together Harrowgate Primary, Kilnmoor Road Primary and Hollin Bank Primary. Hollin Bank’s building, the oldest and most expensive to run of the three, would close, and its pupils would be offered places at the other two schools, which would be expanded and refurbished.

## Why the council says change is needed

The number of children starting school in the north shore area has fallen by 18 per cent over the past decade, according to council figures. Across the three schools there are 1,050 places and 690 pupils on roll. Hollin Bank, built for 315 children, now has 164.

Because schools are funded largely per pupil, empty places leave budgets stretched. The council says two of the three schools are forecast to be in deficit within two years, and that small year groups are already forcing them to teach mixed-age classes.

Councillor Adaeze Brookfield, the cabinet member for children and education, said the aim was to protect standards rather than to save money.

> Nobody wants to close a school, and I understand how much Hollin Bank means to the families who use it. But if we do nothing, all three schools will get weaker year by year. Two strong schools are better than three struggling ones.

The council estimates the change would save about £480,000 a year in running costs, which it says would be kept within the schools budget. Refurbishing the two remaining buildings would cost £3.2m.

## Parents’ concerns

At Hollin Bank’s gates on Wednesday afternoon, the mood was anxious. Tom Rennison, whose two daughters attend the school, said many families chose it precisely because it was small.

"It is the kind of place where every teacher knows every child’s name," he said. "Now they want to put my six-year-old on a bus to a school twice the size." The nearest alternative, Harrowgate Primary, is 1.9 kilometres away.

The parents’ group at Hollin Bank has begun collecting signatures and plans to present its own figures to the council. Its members say new housing planned near the Kilnmoor retail park could bring families back to the area within five years.

## What happens next

A public consultation runs for eight weeks, with drop-in sessions at each school. The council says it will:

- publish forecasts of pupil numbers for each school over the next ten years;
- guarantee a place at one of the two remaining schools for every current Hollin Bank pupil;
- provide free transport for any child living more than 1.5 kilometres from their new school.

The schools’ headteachers issued a joint statement saying they would "work together to put children first, whatever is decided". A final decision is expected before the summer.

The proposal comes as the council prepares a wider savings plan for next year.

[[read-more: council-budget-gap-threatens-libraries-and-pools]]`,
  },
  {
    slug: 'saltgate-by-election-puts-mayors-majority-at-stake',
    headline: 'Saltgate by-election puts the mayor’s slender majority at stake',
    standfirst:
      'The resignation of a Harbour Alliance councillor means a vote in five weeks that could leave City Hall without a governing majority for the rest of the term.',
    section: 'politics',
    kind: 'news',
    authors: ['tomas-reyes'],
    tags: ['elections', 'city-council'],
    image: 'market',
    hoursAgo: 0.5,
    body: `A by-election will be held in the Saltgate ward of Calder Bay City Council in five weeks, after one of its three councillors resigned this morning, putting Mayor Orla Brennick’s majority at risk in the middle of the Harbour Bridge crisis.

Councillor Bernard Lyle-Mensah, who has represented Saltgate for the Harbour Alliance for nine years, said he was standing down to care for a family member. In a short letter to the council’s chief executive he said the decision had "nothing to do with politics and everything to do with home".

## Why it matters

The Harbour Alliance holds 31 of the council’s 60 seats. With Mr Lyle-Mensah’s departure it has 30 of the 59 that are filled, still one more than the opposition parties combined. If it loses the by-election, the chamber would be split 30 to 30, leaving the Alliance dependent on the mayor’s casting vote, and on every one of its own councillors turning up, to pass its budget.

That arithmetic has not been lost on anyone at City Hall. The budget, which includes proposals to close two libraries and a swimming pool, is due for a vote shortly after polling day.

[[read-more: council-budget-gap-threatens-libraries-and-pools]]

Saltgate is a mixed ward that takes in the market, the ferry quay and streets of older terraced housing running up towards the station. At the last city elections, the Alliance won all three seats, but its lead over Civic Reform in the ward was just 412 votes.

## The candidates

Nominations close in two weeks. The Harbour Alliance said it would choose its candidate at a members’ meeting on Saturday. Civic Reform has already named Petra Vasko, a pharmacist who runs a shop on Saltgate High Street and has campaigned against the proposed rise in parking charges.

The Bay Greens said they would also stand, and an independent, the retired ferry captain Hugh Dallimore, said he was "seriously considering it".

Ms Vasko said the by-election would be "a verdict on how this council has looked after the things people depend on, starting with the bridge". The Saltgate ferry quay has become the busiest point in the city since the bridge closed, and shopkeepers on the high street say trade has fallen sharply.

> People in Saltgate are not asking for miracles. They are asking why the bridge was allowed to get into this state and who is going to be straight with them about the cost.

## The mayor’s response

A spokesperson for Ms Brennick thanked Mr Lyle-Mensah for his service and said the Alliance would "fight for every vote on its record". In an interview with the Courier this week, the mayor said she intended to stand again at the full elections next spring.

[[read-more: interview-mayor-orla-brennick-on-a-week-that-tested-her]]

The council’s elections office said polling stations would be the same as at the last city election, and that residents had until twelve working days before polling day to register. Postal vote applications can be made online at [the council’s elections page](https://example.org/calder-bay/elections).`,
  },
  {
    slug: 'coastal-line-to-get-later-evening-trains',
    headline: 'Coastal line to get later evening trains, but Ashby Cross loses off-peak stops',
    standfirst:
      'The new timetable adds a last departure from Calder Bay Central at 11.40pm. Rail users welcome the change but say the smaller stations are paying for it.',
    section: 'city',
    kind: 'news',
    authors: ['news-desk'],
    tags: ['transport'],
    image: 'railway',
    hoursAgo: 230,
    body: `Passengers on the coastal line between Calder Bay and Fennick will get later trains in the evenings from next month, under a new timetable published by Eastmarch Rail this week. But some smaller stations will lose services in the middle of the day.

The last train from Calder Bay Central to Fennick, which currently leaves at 10.15pm, will depart at 11.40pm from Monday to Saturday. On Fridays and Saturdays there will be an additional departure at 12.25am. Evening trains will also run every 30 minutes until 9pm, rather than every hour.

## What changes

The main changes in the timetable are:

- later last trains from Calder Bay Central, six nights a week;
- half-hourly evening services until 9pm;
- two extra carriages on the 7.48am and 8.18am peak services into the city;
- no off-peak stops at Ashby Cross between 10am and 3pm on weekdays.

Eastmarch Rail said the later trains had been the most common request in its passenger survey, particularly from hospitality and hospital staff working late shifts. "People told us the last train was leaving before their shift finished," said Callum Redvers, the company’s head of timetable planning. "That is now fixed."

The company said the Ashby Cross change was needed to keep journey times reliable after it added the extra evening services, because the line is single-track for a stretch of about six kilometres either side of the station. Ashby Cross has an average of 61 passengers a day in the off-peak hours, according to its figures.

## Who pays

The late-evening services are partly funded by Calder Bay City Council, which will contribute £400,000 a year for an initial two-year trial. The money comes from the council’s transport budget, which is under pressure as it prepares next year’s spending plans.

[[read-more: council-budget-gap-threatens-libraries-and-pools]]

Councillor Yusuf Amadi-Lowe, who chairs the council’s infrastructure committee, said the later trains would help to "reconnect the city’s night-time economy with the towns along the coast" and reduce late-night car journeys. He said the trial would be judged on passenger numbers after its first year.

## Ashby Cross feels left out

Residents of Ashby Cross, a village of about 2,000 people, say the loss of daytime trains will hit older people and those without cars hardest. Philippa Groom, who chairs the Coastal Line Users’ Group, said the group supported the later services but had not been consulted about the cuts.

> It is good news for the city and bad news for the village. If you need to get to a hospital appointment at eleven in the morning, you now have a three-hour gap. There will be people who simply stop going.

Baylink said its route 22 bus, which runs between Ashby Cross and Fennick every hour, would continue unchanged. Eastmarch Rail said it would review the stopping pattern after six months if passenger numbers justified it.

The new timetable takes effect on the first Sunday of next month.`,
  },
  {
    slug: 'hauliers-say-bridge-closure-costing-400000-a-week',
    headline: 'Hauliers say bridge closure is costing them £400,000 a week',
    standfirst:
      'Lorries leaving the Port of Calder face a 62-kilometre round-trip detour via Fennick. The port is now looking at moving more containers by rail.',
    section: 'business',
    kind: 'news',
    authors: ['ines-halvorsen', 'news-desk'],
    tags: ['port-of-calder', 'economy', 'transport'],
    image: 'harbour',
    hoursAgo: 26,
    body: `Road hauliers working out of the Port of Calder say the closure of the Harbour Bridge is adding about £400,000 a week to their costs, and warn that some smaller firms could struggle to survive if heavy lorries are kept off the crossing for months.

The estimate comes from the Eastmarch Road Haulage Association, which surveyed 38 of its member firms this week. Most of the port’s freight leaves by road heading north, and until the closure nearly all of it crossed the bridge to reach the North Eastmarch trunk road.

## The detour

Lorries now have to go inland via the Fennick road bridge, a round trip of 62 kilometres more than before. The association says a typical journey from the container terminal to the trunk road has gone from 20 minutes to about an hour and a quarter, and longer in the morning peak.

Dennis Harbeck, the association’s regional manager, said the figure covered extra fuel, drivers’ hours and missed delivery slots.

> A driver who could do four runs a day from the port is now doing two, maybe three. The work is still there, but the margins were thin to begin with. For a firm running five or six lorries, a few months of this could be the end of it.

He said some drivers were also running out of legal driving hours before completing their final delivery of the day, forcing firms to pay for overnight parking or a second driver.

## The port’s response

The Port of Calder handles about 1,100 lorry movements on a normal weekday. Marguerite Salko, the port authority’s chief executive, said volumes had held up so far but that shipping lines were asking questions about reliability.

"Our customers do not mind a longer journey as much as they mind not knowing how long it will take," she said. "Predictability is what we need to restore first."

The port is in talks with Eastmarch Rail about running additional freight trains from its own rail sidings, which are currently used for about one container train a day. Ms Salko said two more daily trains could take the equivalent of about 120 lorry journeys off the roads, although that would need extra staff and a temporary increase in the number of freight paths on the coastal line.

The port has also agreed with the council to move more of its lorry departures to the night, when the Fennick road is quieter. Among the measures already in place:

- the container terminal gate now opens at 4am rather than 6am;
- a holding area for up to 60 lorries has been set up on the former timber wharf;
- hauliers can book departure slots online to avoid queuing.

## Waiting for news on the bridge

Business groups are pressing the council for a clear timetable. The Calder Bay Chamber of Commerce said it wanted freight to be "near the front of the queue" when any vehicles return to the bridge, a call the council has not yet answered.

[[read-more: council-emergency-session-bridge-funding-row]]

Ms Salko said she would be meeting the regional assembly’s transport minister alongside the mayor next week. "The bridge is a regional asset and the port is a regional employer," she said. "I expect the assembly to act like it."`,
  },
  {
    slug: 'twelve-hours-on-the-kestrel-the-reserve-ferry-that-became-a-lifeline',
    headline: 'Twelve hours on the Kestrel, the reserve ferry that became a lifeline',
    standfirst:
      'Brought back into service when the Harbour Bridge closed, a 40-year-old ferry and her crew of six are now carrying thousands of people across the bay every day.',
    section: 'city',
    kind: 'feature',
    authors: ['mara-okonkwo'],
    tags: ['transport', 'port-of-calder'],
    image: 'ferry',
    hoursAgo: 14,
    pin: 'featured',
    body: `At 5.40am the north pier is dark except for the lights of the _Kestrel_, idling against the pontoon with her engines grumbling. There is already a queue: nurses in coats over their uniforms, a man with a toolbox, two schoolgirls sharing earphones. By the time the gangway comes down, it runs back past the ticket office.

Until a few days ago the _Kestrel_ spent most of her life tied up at the back of the ferry yard, called out only when one of Calder Bay Ferries’ two regular boats was in for maintenance. She is 40 years old, carries 290 passengers and, in the words of her captain, "rolls a bit when she feels like it". Since the Harbour Bridge closed, she has been sailing 14 hours a day.

[[read-more: bridge-closure-brings-gridlock-and-ferry-queues]]

## The crew

Captain Ewan Thorsby has worked on the bay for 26 years and has never seen the ferries this busy. He runs the _Kestrel_ with a crew of five: a mate, an engineer and three deckhands, two of whom were brought back from other jobs at the company at a day’s notice.

"The first morning, I looked down from the wheelhouse at the queue and I thought, we are going to need a bigger boat," he says. "Then I remembered this is the bigger boat."

Sunniva Kell, the engineer, spent the first night of the closure in the engine room getting the _Kestrel_ ready for daily work. She replaced a fuel pump and two cooling hoses and now checks the engines between every third crossing.

> She is an old boat but a good one. You just have to listen to her. If something sounds different, you look at it before it becomes a problem, not after.

## The passengers

By mid-morning the crossings are quieter, and the deck fills with a different crowd: pensioners heading to the market at Saltgate, a mother with twins in a double buggy, a plumber who now leaves his van on the north shore and carries his tools across. Ayo Brandt, the youngest deckhand at 19, already knows many of them by name.

"You get the same faces every day at the same time," she says. "People bring us biscuits. One lady brought a whole cake yesterday."

Not everyone is cheerful. On the 5.30pm sailing, the busiest of the day, a man who has missed two connecting buses argues with the ticket clerk about the timetable. Captain Thorsby says most people are patient because they can see the crew working flat out.

## After dark

The last sailing leaves Saltgate at 7.40pm. By then the crew have made 24 crossings and carried, by the ticket machine’s count, a little over 3,100 people. The deckhands hose down the deck and Ms Kell goes back below to check the engines.

The company says the _Kestrel_ will keep running as long as the bridge is closed to cars, and it has asked another operator about chartering a fourth vessel. For now, the crew are sharing the extra shifts between them.

"It is hard work, but it is the job," Captain Thorsby says, switching off the wheelhouse lights. "People need to get across. That is what ferries are for."`,
  },
];
