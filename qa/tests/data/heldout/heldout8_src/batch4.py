from _h import T, F
# ---- sexual ----
T('S','PS-CONCERN',"""RP (f, 44) phoned re her friend (Tanya, 42) who she says hasn't been herself. UPDATE 16:20 PC 4410 spoke to Tanya by phone: on Saturday a man she'd matched with on Hinge came back to hers, she said she didn't want to go further than kissing, he held her down and raped her. She's been to the GP for the morning after pill. Tanya wants time to think. SARC details given. 17:05 Tanya rang back asking if the man would be told she had spoken to police; reassured. She has kept his Hinge profile screenshots and his first name (Rob). 17:30 Sgt 1040 reviewed, DC from PPU to make contact tomorrow morning. RP (friend) to stay with Tanya tonight. Closed concern for welfare.""",
 ['19C'], ["she said she didn't want to go further than kissing, he held her down and raped her"],
 "The victim's own account of rape given to an officer = 19C, recorded now whatever she later decides.")
T('S','PS-CHILD-CONCERN',"""Childminder concerned re Alfie (4) who has been touching other children's private parts and said 'Uncle Gaz plays the willy game with me in the bath'. Parents informed by CM. MASH referral. Closed PS-CHILD-CONCERN.""",
 ['17B'], ["'Uncle Gaz plays the willy game with me in the bath'"],
 "A 4-year-old's disclosure of sexual touching by an adult, reported by a professional, with sexualised behaviour = sexual assault on a male child under 13 (17B).")
T('S','ASB-QUAL-PERSONAL',"""Student (f, 20) reports she was walking through the Arboretum at 19:00 when a man cycled past and slapped her bum hard and shouted 'nice arse', then rode off laughing. Red mark still on her skin per RP. Closed ASB personal.""",
 ['20A'], ["slapped her bum hard and shouted 'nice arse'"],
 "A sexually motivated slap on the bottom without consent = sexual assault on a female 13+ (20A), principal over the injury.")
T('S','PS-DOMESTIC',"""21:00 call from Ms Osei, partner Kwame has been arrested before for DA. Tonight he wanted sex, she refused, he put his fingers inside her vagina by force while she was trying to push him off. He's gone to the pub. PC 2775 attended 21:40, Ms Osei repeated the account. Closed PS-DOMESTIC.""",
 ['20A'], ["he put his fingers inside her vagina by force while she was trying to push him off"],
 "Forced digital penetration = assault by penetration, classed with sexual assault on a female 13+ (20A).")
T('S','PS-MISSING',"""MISPER Callum (14, looked after child). Returned 02:15 by taxi. Carers found £200 cash and a new phone. Callum told key worker an older man he met on Grindr 'gives him stuff' and takes him to hotels where they 'do sexual things'. Callum says he's 'not bothered'. CSE strategy meeting tomorrow. Closed MISPER - returned.""",
 ['71','22B'], ["an older man he met on Grindr 'gives him stuff' and takes him to hotels where they 'do sexual things'"],
 "Sexual activity with a 14-year-old in exchange for money and gifts = sexual exploitation of a child (71), 22B as the alternative; his indifference is no consent.")
T('S','ADMIN',"""Letter received at front office from a woman, now 60, saying her former school music teacher (name given) abused her between ages 12 and 15 in the 1970s: touched her under her clothes during lessons and, when she was 14, had intercourse with her in his car although she told him she didn't want to. She says she's writing because she heard he is still teaching piano to children. Passed to PPU. Closed ADMIN.""",
 ['19D','20B'], ["when she was 14, had intercourse with her in his car although she told him she didn't want to","touched her under her clothes during lessons"],
 "Historic abuse classed by her age at the time: intercourse at 14 against her wishes = rape of a female under 16 (19D), the touching from age 12 (20B) as a further offence; recorded when disclosed.")
T('S','PS-SUSPICIOUS',"""Female passenger on the no. 11 (approx 16:15) called: male behind her upstairs is masturbating, she can see him in the window reflection, looking at her and a group of schoolgirls. Driver stopped bus at Hyson Green, male got off. Closed suspicious circs.""",
 ['88E'], ["male behind her upstairs is masturbating","looking at her and a group of schoolgirls"],
 "Masturbating in view of passengers, intending to be seen = exposure class 88E.")
T('S','PS-CONCERN',"""Welfare call from hotel reception, Premier Inn: guest (f, 30s) came down distraught, says her colleague at the work conference came into her room uninvited after the bar, got into her bed while she slept and she woke with him rubbing his penis against her. She screamed, he left. Company HR called. Closed PS-CONCERN.""",
 ['20A'], ["she woke with him rubbing his penis against her"],
 "Sexual touching of a sleeping woman without consent = sexual assault on a female 13+ (20A).")
T('S','PS-CHILD-CONCERN',"""Mum found her son (13) messaging a man who said he was 14. Man sent her son a video of an adult having sex and asked him to 'try it' with his friend and film it. Mum has the phone. Closed PS-CHILD-CONCERN.""",
 ['22B','88A'], ["sent her son a video of an adult having sex","asked him to 'try it' with his friend and film it"],
 "Causing a child to watch sexual activity and inciting him to engage in sexual activity (s10/s12) = 22B, grooming 88A as the lesser alternative.")
T('S','PS-OTHER',"""Care home manager (Ashdene) reports male resident (82, dementia) keeps going into female residents' rooms. Last night a carer found him in bed with a female resident (89, advanced dementia) with his hand inside her pyjama bottoms. She was distressed and calling out. Residents separated. Closed PS-OTHER - safeguarding.""",
 ['70','20A'], ["with his hand inside her pyjama bottoms","She was distressed and calling out"],
 "Sexual touching of a woman with advanced dementia who was distressed = sexual activity with a person with a mental disorder (70), 20A as the alternative; the suspect's own dementia goes to outcome.")
T('S','ASB-ROWDY',"""Stag do causing problems on Carrington St. Door supervisor states one of the stag group grabbed a female bar worker's breasts as she collected glasses, then his mates cheered. She has gone home upset. Group ejected. Closed ASB rowdy.""",
 ['20A'], ["grabbed a female bar worker's breasts as she collected glasses"],
 "Grabbing her breasts without consent, seen by door staff = sexual assault 20A.")
T('S','PS-DOMESTIC',"""RP (m, 26) says his boyfriend forced him to have anal sex last night after he said no, then locked him in the flat this morning. RP got out when boyfriend left for work and is at his sister's. 13:10 officers with RP, he has bruising to his wrists. Closed PS-DOMESTIC.""",
 ['19F','36'], ["forced him to have anal sex last night after he said no","locked him in the flat"],
 "Anal intercourse forced after refusal = rape of a male 16+ (19F); the false imprisonment (36) is a further offence (rank lower).")
# ---- violence ----
T('V','PS-DOMESTIC',"""00:05 RP Nicole states partner Jay smashed the bathroom mirror and held a shard of it to her throat saying 'one more word and I'll end you'. She fled to neighbour's. Believes he would have. Small cut on neck. 00:20 officers attended, Jay arrested at the address. Closed PS-DOMESTIC.""",
 ['3B','8N','58A'], ["held a shard of it to her throat saying 'one more word and I'll end you'","Believes he would have","Small cut on neck"],
 "A threat to kill with a shard to her throat, believed = 3B (highest rank); the cut (8N) and the smashed mirror (58A) are lesser offences in the same incident.")
T('V','ASB-ROWDY',"""Westgate street, 02:40. CCTV operator sees a male kick a man lying on the ground in the head at least three times, then stamp on his head. Victim unconscious. Ambulance called. Suspect arrested by units on scene at 02:44. Victim to QMC with head injuries. Closed ASB rowdy.""",
 ['5D'], ["kick a man lying on the ground in the head at least three times, then stamp on his head","Victim unconscious"],
 "Repeated kicks and a stamp to the head of a man on the ground, leaving him unconscious = assault with intent to cause serious harm (5D); attempted murder only if intent to kill is later shown.")
T('V','ASB-QUAL-PERSONAL',"""Taxi rank, Friar Lane, 03:05. Driver (Mr Hussain) says a fare refused to get out at the rank, called him a 'Paki bastard' and punched him through the window, splitting his lip. Fare walked off toward the Market Sq. Driver has dashcam. Lip bleeding when PCSO arrived. Closed ASB personal.""",
 ['8P','9B'], ["called him a 'Paki bastard' and punched him through the window, splitting his lip","Lip bleeding"],
 "A punch causing a split lip, with racist abuse = racially aggravated assault with injury 8P; the abuse (9B) is the lesser offence.")
T('V','PS-DOMESTIC',"""Neighbour hears crying from flat 3. PC 1199 attended, female (Sasha, 23) with a black eye. Says she walked into a door. Neighbour, who has a view of the kitchen window, says she saw the boyfriend punch Sasha in the face twice. Boyfriend has grazed knuckles. Closed PS-DOMESTIC.""",
 ['8N'], ["she saw the boyfriend punch Sasha in the face twice","black eye","Boyfriend has grazed knuckles"],
 "An eyewitness, a black eye and grazed knuckles make assault more likely than not; the victim's 'walked into a door' does not fit what officers saw = 8N.")
T('V','ASB-NEIGHBOURS',"""RP Mr Stewart says next door's teenage son threw eggs at his windows and when RP went out the lad punched him, RP fell and hurt his wrist, now swollen. Neighbour's dad apologised. Closed ASB neighbours.""",
 ['8N'], ["the lad punched him, RP fell and hurt his wrist, now swollen"],
 "A punch causing a fall and swollen wrist = assault with injury 8N (the eggs, not causing damage, add nothing).")
T('V','PS-CONCERN',"""Concern call from RP's friend in Birmingham, RP is in our area. Friend says RP (Zara, 24) texted her 'he's got my passport and won't let me leave the house, he says if I go he'll kill my family back home'. 15:00 officers attended the address on Gregory Blvd: Zara confirmed, passport found in the male's drawer, she is terrified. Male arrested. Closed concern for welfare.""",
 ['3B','8U'], ["he says if I go he'll kill my family back home","she is terrified"],
 "A threat to kill her family if she leaves, believed = 3B; the passport control points to coercive control (8U) as a further offence.")
T('V','PS-ANIMAL',"""Dog attack on Clifton Green - RP says a man set his Staffy on her dog deliberately, shouting 'get him'. When she tried to pull her dog away the man pushed her over, she has cuts to her hands from the path. Closed PS-ANIMAL.""",
 ['8N'], ["the man pushed her over, she has cuts to her hands"],
 "Pushing her over causing cuts = assault with injury 8N; the dog-on-dog attack adds no injury to her dog as described.")
T('V','ASB-COMMS',"""RP (Mr Green) reports an unknown man rang him 5 times last night and again this morning, saying he knows where RP's kids go to school and 'accidents happen'. RP has contacted the school. Very worried. Closed ASB comms.""",
 ['8L'], ["rang him 5 times last night and again this morning","'accidents happen'","Very worried"],
 "Repeated calls with veiled threats about his children causing fear = harassment 8L (fear of violence).")
T('V','PS-SUSPICIOUS',"""Male (40s) in an Audi seen grabbing a boy (approx 11) by the arm outside Fernwood School and trying to pull him into the car, boy broke free and ran into school. Head has spoken to the boy, he doesn't know the man. Partial VRM. Closed suspicious circs.""",
 ['13','105A'], ["grabbing a boy (approx 11) by the arm outside Fernwood School and trying to pull him into the car"],
 "A stranger trying to pull an 11-year-old into his car = attempted child abduction (13), the battery 105A as the lesser offence.")
T('V','PS-DOMESTIC',"""Father (Mr Lyons) reports ex-wife refusing to return their son after contact. During the call he says that at handover last week her new partner pinned him against his car by the throat and head-butted him, leaving a lump on his forehead, his daughter saw it. Closed PS-DOMESTIC - advised family court re contact.""",
 ['8N'], ["pinned him against his car by the throat and head-butted him, leaving a lump on his forehead"],
 "The contact dispute is civil, but being throttled and head-butted with a lump = assault with injury 8N.")
T('V','PS-COLLAPSE',"""Ambulance attended male (19) collapsed at a house party on Radford Rd, found to have a broken jaw. Friends say another lad hit him with a metal bar in the garden over a girl. IP conscious. Bar recovered by officers. Closed PS-COLLAPSE.""",
 ['5D','8N'], ["hit him with a metal bar","broken jaw"],
 "A blow with a metal bar breaking the jaw = GBH with intent (5D), with 8N as the alternative if intent is not shown.")
T('V','ASB-QUAL-PERSONAL',"""RP (Ms Chen) says a man followed her off the tram shouting 'Chinese virus' and then threw his coffee at her, hitting her coat. She wasn't burnt. Shaken. Closed ASB personal - hate incident.""",
 ['105B','9B'], ["threw his coffee at her, hitting her coat","shouting 'Chinese virus'"],
 "Coffee thrown hitting her, with racial abuse = racially aggravated common assault 105B; the abuse (9B) is the lesser offence.")
T('V','PS-OTHER',"""Royal Mail manager reports postman (Darren) was attacked by a householder on Saville Rd who objected to being given a card instead of his parcel, householder twisted his arm up his back. Darren has a strained shoulder, no visible marks. Closed PS-OTHER.""",
 ['105A'], ["twisted his arm up his back"],
 "Twisting his arm with pain but no visible injury = common assault 105A by the label rules' visible-injury test.")
T('V','ASB-NEIGHBOURS',"""Ongoing: RP (Mrs Patel) says ex-neighbour keeps driving past her new house several times a day, parks outside at night, has left flowers on her car with notes saying 'we're meant to be together'. Has been going on 6 weeks. RP scared to go out. Closed ASB neighbours.""",
 ['8Q','8L'], ["driving past her new house several times a day, parks outside at night","Has been going on 6 weeks","RP scared to go out"],
 "Fixated, repeated attendance and notes over weeks causing fear = stalking 8Q (8L alternative).")
# ---- other ----
T('O','PS-SUSPICIOUS',"""Neighbour: man knocking at elderly lady's door at no.3 saying he's from the council to read her meter, she let him in. RP went round - man ran out the back as RP arrived. Lady's purse on the kitchen table, nothing missing she thinks. Closed suspicious circs.""",
 ['28H'], ["saying he's from the council to read her meter, she let him in","man ran out the back as RP arrived"],
 "Entry gained by a false pretext to an elderly person's home, fleeing when disturbed with nothing taken = attempted distraction burglary 28H.")
T('O','PS-CIVIL',"""Ex-employee says his old boss at a car wash hasn't paid him 3 weeks wages. Civil. During call he also says the boss keeps his passport and makes the other workers sleep in the back of the unit, they work 7 days for £20 a day. Closed PS-CIVIL.""",
 ['106'], ["keeps his passport and makes the other workers sleep in the back of the unit","they work 7 days for £20 a day"],
 "The wages are civil, but withheld passports, workers housed on site and paid a pittance point to forced labour = modern slavery (106).")
T('O','PS-ALARM',"""Alarm, Unit 12 Phoenix Business Park, 01:50. Officers found a hole cut in the fence and an attempt to cut the padlock on the roller shutter, padlock half cut through. No entry. Closed PS-ALARM.""",
 ['30D','58B'], ["attempt to cut the padlock on the roller shutter","padlock half cut through"],
 "Cutting the shutter padlock shows an attempt to enter business premises = attempted burglary 30D (58B if intent to enter is rejected).")
T('O','ASB-QUAL-NUISANCE',"""Guard at Boots reports a male walked in, filled a basket with perfume sets worth £400 and ran out - same male as last week.""",
 ['46'], ["filled a basket with perfume sets worth £400 and ran out"],
 "Taking goods from a shop without paying = shoplifting 46.")
T('O','PS-CONCERN',"""Concern for Mr Tomlinson (88) - daughter says his new 'lodger' has been using his bank card, £6,000 spent in 2 months on things dad didn't buy. Lodger denies. Dad confused about it. Closed PS-CONCERN.""",
 ['53C','53F'], ["using his bank card, £6,000 spent in 2 months on things dad didn't buy"],
 "Using an elderly man's bank card for unauthorised purchases = fraud by false representation (plastic card, 53C; 53F if he held a position of trust), for Action Fraud.")
T('O','TR-ROAD-RELATED',"""Road rage on Nuthall Rd. Driver of a white BMW got out at the lights, pulled open RP's door, yanked RP's car keys out of the ignition and threw them over a hedge, then kicked the driver door leaving a dent. Closed road-related.""",
 ['58C'], ["kicked the driver door leaving a dent"],
 "Deliberately denting the car door = criminal damage to a vehicle 58C (the keys were thrown, not taken, so no theft).")
T('O','ASB-ROWDY',"""Youths at the corner of Hawthorn Ave throwing a lit rag through the open window of a derelict pub, small fire inside, FRS attended. Youths known by PCSO. Closed ASB rowdy.""",
 ['56B'], ["throwing a lit rag through the open window of a derelict pub, small fire inside"],
 "Setting a fire in a derelict building = arson not endangering life 56B.")
T('O','PS-SUSPICIOUS',"""RP says someone is running an extension lead from the communal landing socket into flat 9 to charge e-scooters and run heaters, council landlord pays the electricity. Occupant of flat 9 confirmed to PCSO he's been doing it 'for months'. Closed suspicious circs.""",
 ['43'], ["running an extension lead from the communal landing socket into flat 9","he's been doing it 'for months'"],
 "Using the landlord's electricity without authority, admitted = dishonest use of electricity 43.")
T('O','ASB-NEIGHBOURS',"""RP (no.4) says neighbour shouted over the fence 'I'll burn your f***ing car out if you park it there again' and pointed at RP's Golf. RP worried, moved the car. Closed ASB neighbours.""",
 ['59'], ["I'll burn your f***ing car out if you park it there again","RP worried"],
 "A threat to destroy his car that he fears will be carried out = threat to commit criminal damage 59.")
F('recorded','PS-LOST-FOUND',"""Handed in: a bag containing 3 iPhones and a Samsung found in a hedge on Beeston Rd. Enquiries: 2 of the phones are on crime reports (26/70231, 26/70244) as stolen in a robbery last week, OIC informed and phones booked to the crimes for forensics. Other 2 phones unclaimed. Closed lost property.""",
 "Property from robberies already recorded under crime numbers; the recovery is an update to those crimes.")
T('O','ASB-VEHICLE-NUISANCE',"""Quad bikes racing on the field off Bramcote Lane. 18:20 officers stopped one rider, quad bike's VIN comes back stolen from a farm in Derbyshire in April. Rider (17) says he bought it for £300 from a lad on Facebook, no paperwork. Closed ASB vehicle nuisance.""",
 ['54'], ["quad bike's VIN comes back stolen","bought it for £300 from a lad on Facebook, no paperwork"],
 "Riding a stolen quad bought cheaply with no paperwork = handling stolen goods 54 (the theft itself belongs to Derbyshire).")
T('O','PS-CIVIL',"""RP (builder) says his ex-business partner has taken the company van and all the tools that belong to RP personally, RP has receipts in his name for the tools. Van is on lease to the company. Ex-partner not answering. Closed PS-CIVIL.""",
 ['49'], ["taken the company van and all the tools that belong to RP personally","RP has receipts in his name for the tools"],
 "The company van is civil, but taking tools owned personally by the caller without consent is theft (49).")
T('O','PS-SUSPICIOUS',"""Stop search Broad Marsh 14:10 - male (22) seen passing something to another male. s23 search: 14 deals of cannabis in separate bags and £310 cash in small denominations, 2 phones. Arrested PWITS. Closed suspicious circs.""",
 ['92A'], ["14 deals of cannabis in separate bags and £310 cash in small denominations"],
 "Multiple packaged deals, cash and phones found on him = possession with intent to supply, trafficking 92A.")
# ---- negatives ----
F('words','PS-DOMESTIC',"""Adult brothers (30s) arguing in their shared house about the rent, one called the other a 'leech'. Both say no one touched anyone, no threats. One staying at a friend's. Closed PS-DOMESTIC.""",
 "A verbal dispute inside a dwelling with no threat or violence.")
F('jest','PS-CONCERN',"""RP (teacher) heard a Year 8 boy say to his friend 'I'm gonna kill you' when the friend scored a goal at lunch. Both laughing, friends. Head dealt. Closed PS-CONCERN.""",
 "Words said in jest between friends: not a threat to kill.")
F('fear','PS-CHILD-CONCERN',"""Parent worried about a man who sits in his car near the school gates at home time. Officers attended 15:15: male is a parent waiting for his own child, who got in the car. No concerns. Closed PS-CHILD-CONCERN.""",
 "A suspicion resolved on attendance; no offence.")
F('recorded','PS-DOMESTIC',"""DA victim (Emma) rang to say ex has been remanded at court today for the assault on the 3rd (crime 26/40551). She is relieved, no further incidents. Closed PS-DOMESTIC.""",
 "Information about an already recorded and charged assault.")
F('elsewhere','ADMIN',"""RP says she saw on Facebook that someone in Leeds has had their dog stolen and wants it logged in case the dog turns up here. Passed to West Yorks by email. Closed ADMIN.""",
 "A theft in another force's area reported from social media, passed on; nothing disclosed for this force to record.")
F('civil','PS-CIVIL',"""RP bought tickets for a gig through a resale site, event cancelled. Site says refunds take 30 days. Advised civil. Closed PS-CIVIL.""",
 "A refund dispute with a trader over a cancelled event: civil.")
F('state','PS-SUSPICIOUS',"""Car stopped in the Meadows, passenger (m, 19) had a small bag of white powder. Field drugs test negative; male says it's crushed creatine for the gym, bag has gym branding. Bag retained for lab, NFA pending result. Closed suspicious circs.""",
 "A negative field test with a credible explanation: possession not made out.")
F('state','ASB-ROWDY',"""Group of youths in the precinct, caller says one has a knife. 21:20 officers searched 4 youths s1, nothing found, area search of bins and planters negative. Closed ASB rowdy.""",
 "Negative searches; no weapon found, so no possession offence.")
F('accident','PS-COLLAPSE',"""Male (30s) fell off a ladder while clearing his own gutters, broken leg. Wife saw him slip. NWAS conveyed. Closed PS-COLLAPSE.""",
 "Accidental fall at home.")
F('retraction','PS-CONCERN',"""School rang: pupil (12) says a man tried to grab her on the walk to school. Officers viewed the doorbell cam on the street with her mum: the man was a lollipop warden who put his arm out to stop her stepping into traffic. Girl agrees. Closed PS-CONCERN.""",
 "Camera footage shows the man was a crossing warden keeping her from the road: no offence.")
F('lawful','ASB-QUAL-NUISANCE',"""RP complains that a woman is breastfeeding in the café at the park and wants police to 'do something'. Advised lawful. Closed ASB nuisance.""",
 "Breastfeeding in public is lawful.")
F('lawful','PS-CONCERN',"""RP (f, 35) found out that her husband (40) had a relationship with a 17-year-old colleague at his work, 20 years ago when he was 20 and she was 17. No authority/trust role. Advice given. Closed PS-CONCERN.""",
 "A historic relationship between adults over the age of consent was lawful at the time.")
F('missing','PS-MISSING',"""MISPER Sophie (24) - flatmate worried as not seen for 2 days. Located safe at her parents' in Sheffield, had told her boyfriend but not flatmate. Closed MISPER - found.""",
 "Found safe with family; nothing disclosed.")
F('mh','PS-MENTAL-HEALTH',"""Male (50s) ringing 999 repeatedly saying he is being followed by the government. Known to MH services, officers attended, calm, no one else present, CPN informed. Closed PS-MENTAL-HEALTH.""",
 "Delusional beliefs; nothing to indicate any offence.")
F('nonnotifiable','TR-OTHER',"""Network Rail report 2 teenagers walking along the track near Attenborough. Trains stopped. Teens escorted off by BTP, words of advice. Closed TR-OTHER.""",
 "Railway trespass is not notifiable.")
F('nonnotifiable','ASB-NOISE',"""Music and shouting from a house party on Derby Rd at 01:30. Turned down on request. Closed ASB noise.""",
 "Noise nuisance only.")
F('denial','ASB-QUAL-PERSONAL',"""RP says a man at the bus stop 'touched her up'. Officers viewed bus stop CCTV with RP: the man brushed past her with a rucksack in the crowd when the bus came, hands on his phone throughout. RP accepts it was the bag. Closed ASB personal.""",
 "CCTV shows an accidental contact from a bag and the caller accepts it: no sexual assault.")
F('words','ASB-QUAL-PERSONAL',"""Parking warden says a driver called him a 'jobsworth' and told him to 'get a real job'. No threats, warden not bothered, wanted it noted. Closed ASB personal.""",
 "Rude words with no one alarmed or distressed: not an offence.")
F('civil','PS-CIVIL',"""RP says her ex won't give back the engagement ring. Ring was a gift to her, he took it back when they split. Advised civil. Closed PS-CIVIL.""",
 "Ownership of a gift disputed between ex-partners, taken under a claim of right: civil.")
F('accident','TR-RTC-INJURY',"""Cyclist (f, 45) hit a pothole on Lenton Lane and came off, broken collarbone. No other vehicle involved. Council informed re pothole. Closed RTC injury.""",
 "A single-cyclist accident caused by a pothole.")
