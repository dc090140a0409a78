from _h import T, F
# ---- sexual ----
T('S','PS-CONCERN',"""19:02 RP (Mrs Akhtar) concerned for daughter Hina (17) who has locked herself in the bathroom crying. 19:20 call back - Hina has told mum that her driving instructor (m, 50s) stopped the car in a lay-by during today's lesson, put his hand up her skirt and touched her vagina over her underwear, and told her not to tell anyone or she'd fail her test. 19:50 PC 2409 attended, Hina repeated this, very distressed. Instructor's name and company known. Closed PS-CONCERN.""",
 ['20A'], ["put his hand up her skirt and touched her vagina over her underwear"],
 "Sexual touching of a 17-year-old without consent = sexual assault on a female 13+ (20A).")
T('S','ASB-QUAL-PERSONAL',"""RP (m, 24) reports that at a gay bar on Saturday a man kept grabbing his bum and crotch on the dance floor even after RP told him to f*** off, then followed him to the toilets and tried to pull his jeans down. Bar staff removed the man. RP wants it logged. Closed ASB personal.""",
 ['17A'], ["kept grabbing his bum and crotch on the dance floor even after RP told him to f*** off","tried to pull his jeans down"],
 "Repeated sexual touching after refusal = sexual assault on a male 13+ (17A).")
T('S','PS-CHILD-CONCERN',"""EDT social worker: girl (14) in foster placement disclosed that her birth father had sex with her 'lots of times' from age 12 until she was taken into care last year. She has given a clear account to the SW. ABE interview to be arranged. Closed PS-CHILD-CONCERN.""",
 ['19E','23'], ["her birth father had sex with her 'lots of times' from age 12"],
 "Intercourse with his daughter from age 12 = rape of a female child under 13 (19E) for the earliest offences, familial offence 23 as the alternative; a social worker's report of a child's disclosure is recorded.")
T('S','PS-SUSPICIOUS',"""Cinema staff (Showcase) report a male in screen 4 sitting next to a lone girl (approx 13), she moved seats after he put his hand on her thigh and his other hand was in his trousers. Girl came to staff, then left with her dad before police arrived; dad gave his number. Male left. CCTV of foyer available. Closed suspicious circs.""",
 ['20A'], ["he put his hand on her thigh and his other hand was in his trousers","lone girl (approx 13)"],
 "Sexual touching of a girl about 13 by an adult stranger = sexual assault on a female 13+ (20A) (20B if she proves to be 12).")
T('S','PS-DOMESTIC',"""DA call 03:10. Ms Hughes says her ex came round drunk, she let him in to stop him shouting, he pushed her onto the sofa and had sex with her while she told him to stop and tried to push him off. He left 20 mins ago. 03:30 PC 1188 with RP, very distressed, SARC arranged for the morning. Closed PS-DOMESTIC.""",
 ['19C'], ["had sex with her while she told him to stop and tried to push him off"],
 "Intercourse while she told him to stop and resisted = rape 19C.")
T('S','ADMIN',"""Front counter: male (19) wants advice. Says his ex-girlfriend (19) has a video of them having sex he didn't know was being recorded, she's shown it to her friends. He wants it deleted. Closed ADMIN - advice.""",
 ['88E'], ["a video of them having sex he didn't know was being recorded","she's shown it to her friends"],
 "Secretly recording a private sexual act = voyeurism (88E); sharing it with friends compounds it.")
T('S','PS-MISSING',"""MISPER Lily (16, learning disability, mental age approx 8) found at a bus station in Derby with a man (40s) she met online. Lily told the officers 'he did sex to me' at his flat last night. Man detained by Derby officers, we are recovering Lily. Closed PS-MISSING - located.""",
 ['19C','70'], ["'he did sex to me' at his flat last night","learning disability, mental age approx 8"],
 "Intercourse with a 16-year-old whose learning disability means she could not consent = rape 19C (70 as alternative), to be coordinated with Derbyshire where the flat is.")
T('S','PS-CONCERN',"""Ambulance control: female (35) treated at home after a fall on the stairs, drunk. Paramedic says she told them her flatmate's friend 'stuck his fingers up my bum' while she was passed out on the sofa, she woke to it. Paramedic passing it on with her agreement. Closed PS-CONCERN.""",
 ['20A'], ["'stuck his fingers up my bum' while she was passed out on the sofa"],
 "Digital penetration of an unconscious woman = assault by penetration, classed with sexual assault on a female 13+ (20A).")
T('S','ASB-COMMS',"""RP (mum) says a 30-year-old family friend has been messaging her son (12) on WhatsApp asking if he has a girlfriend, whether he 'touches himself' and saying they should keep their chats secret. Mum found them tonight. Closed ASB comms.""",
 ['88A'], ["whether he 'touches himself' and saying they should keep their chats secret"],
 "Sexual communication with a 12-year-old and requests for secrecy = grooming-type sexual communication with a child (88A).")
T('S','PS-OTHER',"""Sports club welfare officer: parent says the coach of the U15 girls football team has been giving a 14-year-old player lifts home and kissed her on the lips last week, telling her it's 'their secret'. Girl told her mum. Coach stood down. Closed PS-OTHER.""",
 ['22B','73'], ["kissed her on the lips last week, telling her it's 'their secret'"],
 "A sexual kiss on a 14-year-old by an adult coach = sexual activity with a child under 16 (22B); abuse of trust (73) as the lesser alternative.")
T('S','PS-CONCERN',"""Concern for safety call from Samaritans with caller's consent: male (45) says when he was 13 he was raped by a priest at his church in Nottingham, it still haunts him, and he wants someone to know. Caller agreed to be contacted by police. Closed PS-CONCERN.""",
 ['19G'], ["when he was 13 he was raped by a priest at his church"],
 "Historic rape of a 13-year-old boy = rape of a male child under 16 (19G), classed by age at the time and recorded on disclosure.")
T('S','ASB-ROWDY',"""Night bus, 02:30. Driver says lads at the back were rowdy, then a female passenger (Shauna) said one of them pulled her top down exposing her breasts and filmed it on his phone while his mates laughed. Lads got off at Sherwood. Shauna got off with a friend. CCTV available. Closed ASB rowdy.""",
 ['20A','88E'], ["pulled her top down exposing her breasts and filmed it on his phone"],
 "Pulling down her top without consent is sexual touching (20A); filming her exposed breasts is voyeurism (88E) as the lesser offence.")
# ---- violence ----
T('V','PS-DOMESTIC',"""DA, 11 Cavendish St. 18:45. Female (Roxanne) says husband hit her with a frying pan on the back of the head. Lump and cut on scalp. Husband denies, says she fell. Children (8, 10) both told PC 2870 they saw dad hit mum with the pan. Closed PS-DOMESTIC.""",
 ['8N'], ["husband hit her with a frying pan on the back of the head","Lump and cut on scalp","they saw dad hit mum with the pan"],
 "A blow with a pan causing a cut, confirmed by child witnesses = assault with injury 8N.")
T('V','ASB-ROWDY',"""Outside the Lace Market bars, 01:15. CCTV op: a female threw a full wine glass in another female's face, glass shattered, victim bleeding from cuts to her cheek and eyelid. Both with groups. Victim to QMC. Suspect detained. Closed ASB rowdy.""",
 ['5D','8N'], ["threw a full wine glass in another female's face","bleeding from cuts to her cheek and eyelid"],
 "A glass thrown into a face, shattering and cutting near the eye = wounding with intent 5D (8N alternative).")
T('V','PS-CONCERN',"""RP concerned for elderly neighbour (Mr Green, 84) who told her his grandson 'borrowed' his bank card and pushed him into a chair when he asked for it back, he has a bruised hip. Grandson lives with him. Closed PS-CONCERN - adult safeguarding.""",
 ['8N'], ["pushed him into a chair when he asked for it back, he has a bruised hip"],
 "A push causing a bruised hip = assault with injury 8N (the card use may be a further fraud to refer).")
T('V','ASB-NEIGHBOURS',"""RP (Mr Singh, Sikh) says teenager on his street pulled his turban off his head as he passed and threw it into the road, shouting 'towel head'. No injury. RP humiliated and distressed. Closed ASB neighbours - hate incident.""",
 ['105B','9B'], ["pulled his turban off his head as he passed and threw it into the road, shouting 'towel head'"],
 "Forcibly removing his turban with religious/racial abuse = racially or religiously aggravated common assault 105B; the abuse 9B as the lesser offence.")
T('V','TR-ROAD-RELATED',"""Motorist (f) reports a man in a pick-up has followed her home from work 3 days running, flashing his lights and pulling alongside at lights staring at her. Today he parked outside her house for an hour. She has his VRM. RP frightened. Closed road-related.""",
 ['8Q','8L'], ["followed her home from work 3 days running","parked outside her house for an hour","RP frightened"],
 "Following her home on three days and watching her house, causing fear = stalking 8Q (8L alternative).")
T('V','PS-MENTAL-HEALTH',"""MH call, supported housing. Resident (m, 30) threatened staff member with a kitchen knife saying 'I'll gut you', staff member locked herself in the office, says she thought he'd kill her. Resident calmed, knife put down. CPN and officers attended 22:40. Closed PS-MENTAL-HEALTH.""",
 ['3B'], ["threatened staff member with a kitchen knife saying 'I'll gut you'","she thought he'd kill her"],
 "A knife threat to 'gut' her that she believed would be carried out = threats to kill 3B; mental health goes to outcome.")
T('V','ASB-QUAL-PERSONAL',"""Taxi driver says a customer grabbed his arm hard as he tried to leave the car and wouldn't let go, then pushed his face against the window. No injury, scared. Closed ASB personal.""",
 ['105A'], ["grabbed his arm hard","pushed his face against the window"],
 "Grabbing and pushing without injury = common assault 105A.")
T('V','PS-DOMESTIC',"""RP (m, 33) says his boyfriend (35) punched him in the ribs and kicked him after a row about money, RP has bruising to his side photographed by officers. RP doesn't want him arrested as 'he's under a lot of pressure'. Closed PS-DOMESTIC.""",
 ['8N'], ["punched him in the ribs and kicked him","bruising to his side photographed by officers"],
 "Punches and kicks with bruising = assault with injury 8N; reluctance is not contrary evidence.")
T('V','ASB-COMMS',"""RP (f) reports her ex-husband has sent her 15 emails this week telling her she'll 'never see the kids again', calling her a whore and saying he'll 'make her life hell'. Same since the divorce in June. RP anxious, can't sleep. Closed ASB comms.""",
 ['8L'], ["15 emails this week","Same since the divorce in June","RP anxious, can't sleep"],
 "A months-long course of abusive, threatening emails causing distress = harassment 8L.")
T('V','PS-ALARM',"""Panic alarm at 23 Lime Grove (DV marker). 21:15 officers attended: RP (Stacey) says her ex forced his way in when she opened the back door to put the bins out, grabbed her by the throat and said 'I'll kill you if you ever call the police again', then ran. Red marks to her neck. Stacey says she believes he will do it. Closed PS-ALARM.""",
 ['3B','8N'], ["'I'll kill you if you ever call the police again'","she believes he will do it","grabbed her by the throat","Red marks to her neck"],
 "A threat to kill she believes = 3B (higher rank), with the grab to the throat leaving red marks (8N) as the lesser offence in the same incident.")
T('V','PS-CIVIL',"""Dispute at a car auction: seller says buyer hit him with a car jack handle when he refused to refund, gash to his forearm, paramedics glued it. Buyer left. Refund civil. Closed PS-CIVIL.""",
 ['8N'], ["hit him with a car jack handle","gash to his forearm, paramedics glued it"],
 "A blow with a jack handle causing a glued gash = assault with injury 8N; the refund is civil.")
T('V','PS-CHILD-CONCERN',"""School (primary) report: Year 3 boy (7) came in with a belt-shaped welt across his legs, says dad hit him with his belt for being naughty. Dad told the teacher 'it's my right'. Social care informed. Closed PS-CHILD-CONCERN.""",
 ['8N'], ["a belt-shaped welt across his legs","dad hit him with his belt"],
 "A welt from a belt = assault with injury 8N; reasonable chastisement is no defence where there is actual bodily harm.")
T('V','PS-OTHER',"""Train guard (Northern) says a passenger who refused to pay spat in his face and shoved him. No injury. Got off at Beeston. BTP informed but passenger detained by our officers on platform. Closed PS-OTHER.""",
 ['105A'], ["spat in his face and shoved him"],
 "Spitting and shoving without injury = common assault 105A.")
T('V','PS-SUSPICIOUS',"""Shopkeeper reports a man came in and told him 'if you don't pay us £200 a week your shop burns down with you in it'. Second visit this week. Shopkeeper believes it. Closed suspicious circs.""",
 ['35','3B'], ["'if you don't pay us £200 a week your shop burns down with you in it'","Shopkeeper believes it"],
 "A demand for weekly payments backed by a threat to burn the shop with him inside = blackmail 35 (protection racket), threats to kill 3B as the equal-ranked alternative.")
# ---- other ----
T('O','PS-INSECURE',"""Insecure premises - St Ann's Medical Centre rear fire door found open 06:30. Cleaner says drugs cabinet lock forced, boxes of diazepam and tramadol missing. Closed PS-INSECURE.""",
 ['30C'], ["drugs cabinet lock forced, boxes of diazepam and tramadol missing"],
 "Entry to a surgery and theft of drugs from a forced cabinet = burglary business and community 30C.")
T('O','ASB-QUAL-ENVIRONMENTAL',"""Graffiti tags sprayed across the front of the Jamia Mosque overnight including a swastika and 'Islam out'. Trustees very distressed. Closed ASB environmental.""",
 ['58J'], ["sprayed across the front of the Jamia Mosque overnight including a swastika and 'Islam out'"],
 "Religiously hostile graffiti on a mosque = racially or religiously aggravated criminal damage 58J.")
T('O','PS-LOST-FOUND',"""RP (f) reports losing her phone on the tram. Find My iPhone shows it at an address in Bulwell. RP went there, a man answered and said 'finders keepers' and shut the door. Phone still showing there. Closed lost property.""",
 ['49'], ["a man answered and said 'finders keepers' and shut the door"],
 "Keeping a found phone when the owner has traced it and asked for it back = theft by finding (49).")
T('O','PS-CONCERN',"""Concern for Mr Brown (79), son says he's been 'scammed'. Officer visit: Mr Brown received an email from 'Amazon' saying he'd been charged £900, he rang the number, gave remote access to his laptop, and £2,400 was transferred out of his account. Closed PS-CONCERN.""",
 ['53C'], ["gave remote access to his laptop, and £2,400 was transferred out of his account"],
 "Impersonation and remote-access fraud against an online bank account = 53C, for Action Fraud.")
T('O','ASB-ROWDY',"""Youths in the Co-op, Carlton Hill. One youth took a bottle of Lambrini and a bag of crisps, pushed past the cashier and ran out. Cashier not hurt. Closed ASB rowdy.""",
 ['46'], ["took a bottle of Lambrini and a bag of crisps, pushed past the cashier and ran out"],
 "Taking goods without paying = shoplifting 46; pushing past to get out is not force to steal on the person.")
T('O','PS-SUSPICIOUS',"""07:10 RP (Mr Oduya, electrician) reports his work van broken into overnight on Gordon Rd, side door punched, £3,000 of power tools taken. Van was parked under a street light outside his house. Neighbour at no.31 heard a bang around 03:30 but thought it was bins. RP has serial numbers for the Makita drills and will email a list. 07:45 call back: RP's mate has seen a Makita set with the same case sticker on Facebook Marketplace. Advised RP not to arrange to meet the seller, details passed to the day shift. 09:20 PCSO 6605 conducted house to house, two doorbell cameras, footage requested. Van still driveable, RP's insurer informed. Closed suspicious circs.""",
 ['45'], ["side door punched, £3,000 of power tools taken"],
 "Break-in to a van and theft of tools = theft from a vehicle 45.")
T('O','ASB-NEIGHBOURS',"""RP says her neighbour poured bleach over her prize roses along the boundary after a row, roses now dead. RP's husband saw her do it from the kitchen. Closed ASB neighbours.""",
 ['58D'], ["poured bleach over her prize roses along the boundary","RP's husband saw her do it"],
 "Deliberately killing a neighbour's plants = criminal damage 58D.")
T('O','PS-OTHER',"""Warehouse manager (Boots DC) says CCTV shows one of the night shift pickers putting boxes of electric toothbrushes into his own bag in the locker room, 3 nights running, approx £600. Employee identified. Closed PS-OTHER.""",
 ['41'], ["putting boxes of electric toothbrushes into his own bag in the locker room, 3 nights running"],
 "An employee stealing his employer's stock = theft by an employee 41.")
T('O','PS-DOMESTIC',"""RP (f) says her ex broke the glass in her front door with his fist and reached in to open it, she screamed and he ran off. Blood on the glass. Nothing taken, he didn't get in. Closed PS-DOMESTIC.""",
 ['58A'], ["broke the glass in her front door with his fist"],
 "Smashing the door glass of her home = criminal damage to a dwelling 58A (no intent to steal or do harm inside is stated, so not attempted burglary).")
T('O','PS-SUSPICIOUS',"""Ring cam clip sent in by RP: at 03:10 a male walks up the drive, pulls the door handles of both cars, gets into RP's unlocked Qashqai and rummages through the glovebox and door pockets with a torch, leaves with nothing as the security light comes on. Closed suspicious circs.""",
 ['126'], ["gets into RP's unlocked Qashqai and rummages through the glovebox and door pockets"],
 "Trying car doors and searching inside a car for something to steal = interfering with a motor vehicle 126 (nothing taken, so not 45).")
T('O','PS-CIVIL',"""RP sold a designer handbag on Vinted, buyer says it arrived and is claiming a refund saying it was a fake, then returned an old worn bag that isn't RP's. Vinted siding with buyer. Closed PS-CIVIL.""",
 ['53D'], ["returned an old worn bag that isn't RP's"],
 "Swapping the item for an old bag to obtain a refund = fraud by false representation 53D, for Action Fraud.")
T('O','ASB-VEHICLE-NUISANCE',"""Residents on Lenton Blvd report a car being driven at high speed on the pavement by a youth, pedestrians jumping clear, mother with pram nearly hit. Car later found abandoned. VRM: registered keeper's car taken from his drive that night, he didn't know. Closed ASB vehicle nuisance.""",
 ['48','802'], ["registered keeper's car taken from his drive that night, he didn't know","driven at high speed on the pavement"],
 "Taking the keeper's car without consent = theft/unauthorised taking of a motor vehicle 48; the driving on the pavement among pedestrians = dangerous driving 802 as the lesser offence.")
T('O','ASB-ROWDY',"""Football fans (away) on Trent Bridge, 14:30. One fan threw a bottle at a group of home fans, another shouted 'come on then' with a flare. Families ran. Home fan (f, 40s) said she was terrified for her kids. Closed ASB rowdy.""",
 ['9A'], ["Families ran","she was terrified for her kids"],
 "Threatening behaviour causing an identified woman to fear violence = public order 9A.")
T('O','PS-SUSPICIOUS',"""Officers checking a parked car in the Meadows saw a sawn-off shotgun in the open boot, male owner (29) standing by it. Arrested. No certificate. Closed suspicious circs.""",
 ['10B'], ["a sawn-off shotgun in the open boot","No certificate"],
 "Possession of a sawn-off shotgun without a certificate = possession of firearms offences 10B.")
# ---- negatives ----
F('denial','PS-CONCERN',"""999 silent call traced to 6 Park Row. 02:00 officers attended: female (60s) says she dialled by mistake trying to call her daughter. Alone at address, no injuries, no one else present, house tidy. Closed concern.""",
 "A misdial confirmed on attendance, alone and unharmed.")
F('words','ASB-NEIGHBOURS',"""RP (no.9) and no.11 arguing over a car parked over a dropped kerb. Words exchanged, no threats. Both 'fed up'. Closed ASB neighbours.""",
 "A parking argument, words only.")
F('jest','PS-DOMESTIC',"""Neighbour reports hearing a man shout 'I'm going to kill you!' from no.4. 20:15 officers attended: family playing a board game, dad shouting at his son for taking his last property. Everyone laughing, no concerns. Closed PS-DOMESTIC.""",
 "Words said during a family board game, in jest: no threat.")
F('fear','ASB-QUAL-PERSONAL',"""RP (f, 70s) says teenagers hang around outside the chip shop and she's scared they might mug her. They haven't spoken to her. PCSO patrols. Closed ASB personal.""",
 "Fear of what might happen; no one has approached her.")
F('recorded','PS-CONCERN',"""RP (rape victim, crime ref 26/10022) rang ISVA line distressed, wanted to speak to her OIC. OIC informed, ISVA to call back. No new allegation. Closed PS-CONCERN.""",
 "Welfare contact by a victim of an already recorded crime; no new allegation.")
F('elsewhere','ADMIN',"""British holidaymaker rang 101 from Tenerife to say his hire car was broken into and his camera stolen. Advised to report to the Guardia Civil. Closed ADMIN.""",
 "A theft in Spain, to be reported to the police there.")
F('civil','PS-CIVIL',"""Ex-couple disputing who keeps the sofa they bought together, both claim it, advised civil.""",
 "Jointly bought property disputed: civil.")
F('civil','PS-CIVIL',"""RP hired a van, returned it, company says he damaged it and has charged his card £800. RP denies. Advised civil. Closed PS-CIVIL.""",
 "A damage charge dispute with a hire company: civil.")
F('state','ASB-QUAL-NUISANCE',"""Complaint of cannabis smell from flat 12 every night. Officers attended 21:30, occupant refused entry, no grounds for a warrant. Intel submitted. Closed ASB nuisance.""",
 "A smell only, no drugs found on anyone: not made out.")
F('state','PS-SUSPICIOUS',"""RP saw a man load what looked like a rifle into a car boot. 19:50 officers stopped the car: item is an air rifle in a slip, owner (45) has land permission, is an adult, on way to pest control at a farm. Closed suspicious circs.""",
 "An adult carrying a covered air rifle with a lawful purpose: no firearms offence made out.")
F('accident','ASB-FIREWORKS',"""Firework landed on a shed roof at an organised display, small scorch, display organisers dealt. Nobody hurt. Closed ASB fireworks.""",
 "Accidental damage at a lawful display.")
F('retraction','PS-SUSPICIOUS',"""RP says his phone was stolen at the gym. UPDATE: gym CCTV shows RP putting his phone in his friend's bag; friend returned it. Closed suspicious circs.""",
 "CCTV shows he put the phone in his friend's bag himself: nothing stolen.")
F('retraction','PS-DOMESTIC',"""RP (m) says his wife has 'stolen' £2,000 from his account. Bank statement checked with him: it was a direct debit he set up for their holiday. RP accepts. Closed PS-DOMESTIC.""",
 "The bank statement shows a payment he authorised: no theft or fraud.")
F('lawful','PS-CONCERN',"""Dad worried about his daughter (18) who has moved in with her boyfriend (27) she met at work. Officer spoke to daughter by phone: happy, free to come and go, has her own phone and money, no concerns. Dad advised. Closed PS-CONCERN.""",
 "A lawful adult relationship with no sign of control or exploitation.")
F('missing','PS-MISSING',"""MISPER Carl (45), left a note saying he 'needs space'. Located safe at a B&B in Skegness, doesn't want family told where. No concerns, no offences. Closed MISPER - found.""",
 "Adult found safe; nothing disclosed.")
F('mh','PS-MENTAL-HEALTH',"""Male (35) walking in the road shouting at cars. Officers attended, male in psychosis, detained s136 and taken to place of safety. No one hurt, nothing damaged. Closed PS-MENTAL-HEALTH.""",
 "A mental health detention; no one harmed and no damage.")
F('nonnotifiable','TR-HIGHWAY',"""Sofa in the middle of the A6514 having fallen off a van, removed by HA, closed TR-HIGHWAY.""",
 "A highway obstruction from a load: no notifiable offence.")
F('nonnotifiable','PS-OTHER',"""RP damaged his own car door in a temper after losing his keys, now wants advice on insurance. Closed PS-OTHER.""",
 "Damage to one's own property is not criminal damage.")
