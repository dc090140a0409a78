from _h import T, F
# ---- sexual ----
T('S','PS-DOMESTIC',"""20:35 call from Ms Lowe (52), husband has been drinking, she's in the car on the drive. States he came into the bedroom, pulled her nightie up and tried to have sex with her, she kicked him off and ran. He did not penetrate her. She says this is 'normal' for him when drunk. 20:55 officers attended, husband asleep on the sofa. Closed PS-DOMESTIC.""",
 ['19C','20A'], ["pulled her nightie up and tried to have sex with her, she kicked him off and ran"],
 "An attempt at intercourse she fought off = attempted rape, recorded as rape 19C, with sexual assault 20A as the alternative.")
T('S','PS-CHILD-CONCERN',"""Mother reports that her son (8) came back from a sleepover and said his friend's older brother (15) made the younger boys pull their pants down and touched their willies, 'as a game'. Two other mums have heard the same from their sons. Closed PS-CHILD-CONCERN - referral to MASH.""",
 ['17B'], ["made the younger boys pull their pants down and touched their willies"],
 "Sexual touching of boys aged about 8 = sexual assault on a male child under 13 (17B); the suspect being 15 does not prevent recording.")
T('S','ASB-QUAL-PERSONAL',"""RP (f, 23, nurse) walking home from a night shift 07:40, a man jogged up behind her on Hucknall Rd, put his hand between her buttocks and squeezed, then ran off laughing. RP shocked, wants it on record. Closed ASB personal.""",
 ['20A'], ["put his hand between her buttocks and squeezed"],
 "Intentional sexual touching without consent = sexual assault on a female 13+ (20A).")
T('S','PS-CONCERN',"""RP (Ms Kaur) concerned for her sister (28) who has been crying since coming back from a date. UPDATE 22:50 sister (Jas) spoke to PC 3322 by phone: the man removed the condom halfway through sex without telling her, she had only agreed to sex with a condom. She found out when he finished. Jas very upset, considering reporting. Closed concern for welfare.""",
 ['19C'], ["removed the condom halfway through sex without telling her","she had only agreed to sex with a condom"],
 "Consent was conditional on a condom: removing it covertly ('stealthing') = rape 19C on her own account.")
T('S','PS-MISSING',"""MISPER (med risk) Daisy, 15, absent overnight. 10:05 located at an address on Alfreton Rd occupied by a male (32). Daisy disclosed to PC 1766 on the way home that he took photos of her 'with nothing on' last night on his phone and they had sex. Phone seized, male arrested. Closed MISPER.""",
 ['22B','86'], ["they had sex","took photos of her 'with nothing on' last night on his phone"],
 "Intercourse by a 32-year-old with a 15-year-old = sexual activity with a child under 16 (22B, higher rank); the indecent photographs (86) are the further offence.")
T('S','ADMIN',"""Email to the force inbox from a woman in Australia: she says she was raped by her then boyfriend at his flat in Beeston in 2015 when she was 20, he held her down while she screamed no. She has only now felt able to report. Passed to PPU for contact. Closed ADMIN.""",
 ['19C'], ["he held her down while she screamed no"],
 "A historic rape in this force's area, disclosed from abroad, is recorded when reported = 19C.")
T('S','PS-SUSPICIOUS',"""Gym staff, PureGym: female member found a phone taped under the sink in the women's changing room, camera on and recording. Phone's lock screen shows a photo of a male member. Phone handed to officers. Closed suspicious circs.""",
 ['88E'], ["a phone taped under the sink in the women's changing room, camera on and recording"],
 "A hidden camera recording women undressing = voyeurism 88E.")
T('S','PS-CHILD-CONCERN',"""Dad reports daughter (13) is being pressured at school by a group of boys (14) to send nudes; one boy grabbed her breasts in the corridor on Monday while others filmed. Dad and school want police involved. Closed PS-CHILD-CONCERN.""",
 ['20A','86'], ["one boy grabbed her breasts in the corridor on Monday while others filmed"],
 "Grabbing a 13-year-old's breasts = sexual assault on a female 13+ (20A); the filming may be an indecent images offence (86); the school and parent asked police to act so the schools protocol does not hold it back.")
T('S','PS-OTHER',"""Taxi licensing officer passes on complaint: female passenger (30s) says the driver of plate 1174 locked the doors, reached back and rubbed her breast and thigh, only unlocked when she threatened to ring 999. Passenger has her receipt. Closed PS-OTHER.""",
 ['20A'], ["reached back and rubbed her breast and thigh"],
 "Sexual touching of a passenger without consent = sexual assault 20A (the brief detention is part of the same incident).")
T('S','PS-DOMESTIC',"""Officers at 8 Prospect St re domestic. Male (Lee, 24) says his girlfriend (26) slapped him; no marks. During DASH Lee also said that she makes him have sex when he doesn't want to, threatening to tell everyone he 'raped her' if he refuses. Closed PS-DOMESTIC.""",
 ['22A','105A'], ["she makes him have sex when he doesn't want to","threatening to tell everyone he 'raped her' if he refuses"],
 "A woman coercing a man into penetrative sex by threats = causing sexual activity without consent 22A; the slap without injury (105A) is a lesser offence.")
T('S','ASB-ROWDY',"""Drunk man on Trinity Sq flashing his penis at passing women and shouting obscenities, 23:40. Detained by units 23:48. Two women, approached by the PCSO, said they were disgusted and scared. Closed ASB rowdy.""",
 ['88E'], ["flashing his penis at passing women","they were disgusted and scared"],
 "Exposing himself to women intending them to see it, causing alarm = exposure 88E.")
T('S','PS-CONCERN',"""Welfare call from GP: patient (f, 16) attended for STI test and pregnancy; she said the father is her mum's partner (40), who she says she's 'in a relationship with'. She is 16 and lives in the same house. GP very concerned. Closed PS-CONCERN.""",
 ['23'], ["the father is her mum's partner (40)","She is 16 and lives in the same house"],
 "Sexual activity by a mother's live-in partner with a 16-year-old in the household = familial child sex offence 23 (under 18, regardless of her 'relationship').")
T('S','ASB-COMMS',"""RP (f, 15) with mum at the front counter. A man she has never met (adult, from his profile) messaged her on Instagram asking for 'a pic in your school uniform with your skirt pulled up' and offering £50. She didn't send anything. Screenshots given. Closed ASB comms.""",
 ['86','88A'], ["asking for 'a pic in your school uniform with your skirt pulled up' and offering £50"],
 "An adult inciting a 15-year-old to make an indecent image for payment = indecent images offence (86, incitement), sexual grooming 88A as the alternative.")
# ---- violence ----
T('V','PS-DOMESTIC',"""01:40 female caller (Anna) crying, says partner Pete punched her repeatedly in the face and she thinks her nose is broken. 01:52 PC 4012 / PC 4490 on scene, Pete detained. Anna's nose deformed and bleeding, both eyes swelling. NWAS conveyed to QMC. Closed PS-DOMESTIC.""",
 ['8N'], ["punched her repeatedly in the face","nose deformed and bleeding, both eyes swelling"],
 "Repeated punches breaking her nose with no weapon = assault with injury 8N (which covers GBH without intent).")
T('V','ASB-ROWDY',"""Bus station, 16:20. Security say a youth threw a punch at an older man (70s) who told him to stop swearing, man fell and cut his head on the bench. Youth ran to the tram stop. IP treated by paramedics. Closed ASB rowdy.""",
 ['8N'], ["threw a punch at an older man (70s)","fell and cut his head on the bench"],
 "A punch causing a fall and head cut = assault with injury 8N.")
T('V','PS-CONCERN',"""Teacher concerned about pupil (16) who has stopped eating lunch and has fresh bruises on both wrists. Pupil eventually said her dad grabs her by the wrists and shakes her when she answers back, it happened last night. Social care informed. Closed PS-CONCERN.""",
 ['8N'], ["her dad grabs her by the wrists and shakes her","fresh bruises on both wrists"],
 "The 16-year-old's own account of being grabbed and shaken, with bruising = assault with injury 8N.")
T('V','ASB-NEIGHBOURS',"""RP (Mr Clarke) says his neighbour stood in the street outside RP's house at 22:00 with a machete, shouting 'come out and I'll chop your f***ing head off'. RP terrified, kept his family upstairs, believes he'd do it. Neighbour went back inside before police arrived. Closed ASB neighbours.""",
 ['3B','10D'], ["'come out and I'll chop your f***ing head off'","RP terrified","believes he'd do it"],
 "A threat to kill made with a machete, believed = 3B; possession of the machete in the street (10D) is a further offence if the neighbour's possession is confirmed.")
T('V','PS-CHILD-CONCERN',"""Two children (9 and 11) came to a neighbour's door at 22:00 saying their mum hasn't been home since yesterday morning, no food in the house, electric off. Mum's phone off. Children taken into police protection. Mum returned at 01:00, had been staying with a new boyfriend. Closed PS-CHILD-CONCERN.""",
 ['11A'], ["their mum hasn't been home since yesterday morning, no food in the house, electric off"],
 "Leaving young children alone overnight without food or power = wilful neglect, cruelty to children 11A.")
T('V','ASB-QUAL-PERSONAL',"""Female (Karen, 48) says a cyclist rode into her deliberately on the towpath after she asked him to slow down, she fell and cracked her wrist. Witness saw him swerve at her. Closed ASB personal.""",
 ['8N'], ["rode into her deliberately on the towpath","she fell and cracked her wrist","Witness saw him swerve at her"],
 "Deliberately riding into her, causing a fracture = assault with injury 8N.")
T('V','PS-OTHER',"""PCSO 6690 reports she was shoved to the ground by a male she asked to stop cycling through the precinct, grazed hands. Male rode off. Closed PS-OTHER.""",
 ['8N'], ["shoved to the ground","grazed hands"],
 "A push causing grazes to a PCSO = assault with injury 8N (a PCSO is not a constable, so not 8S).")
T('V','PS-DOMESTIC',"""Update on PS-DOMESTIC at 4 Silver St: Mandy (40) now says her partner didn't hit her, she fell. However, officers saw a fist-shaped bruise on her jaw, her partner has a cut on his knuckle, and her 999 call earlier recorded her saying 'he's punched me, he's punched me'. Closed PS-DOMESTIC - victim will not support.""",
 ['8N'], ["he's punched me, he's punched me","fist-shaped bruise on her jaw","cut on his knuckle"],
 "The first account, the bruise and his cut knuckle outweigh the retraction, which is not verifiable fact = assault with injury 8N.")
T('V','ASB-COMMS',"""RP (m, 40) says his ex-partner's brother has sent him over 30 messages in 2 weeks saying he'll 'break his legs' and 'torch his car', and posted RP's address on a Facebook group. RP scared. Closed ASB comms.""",
 ['8L','59'], ["over 30 messages in 2 weeks","he'll 'break his legs' and 'torch his car'","RP scared"],
 "A course of threatening messages over two weeks causing fear = harassment 8L; the threat to burn his car (59) is subsumed as the lesser offence.")
T('V','PS-SUSPICIOUS',"""Neighbours on Mansfield Rd report a man chasing another man down the street with a knife, 15:30. Victim ran into a barber's. 15:38 units on scene. Victim (m, 25) uninjured, says the man lunged at him with the knife but missed. Suspect detained nearby, knife recovered from a garden. Closed suspicious circs.""",
 ['5D','10D'], ["lunged at him with the knife but missed","knife recovered from a garden"],
 "Lunging at a man with a knife = attempted GBH with intent (5D); the knife (10D) is the lesser offence.")
T('V','PS-DOMESTIC',"""RP (f) says her daughter's father has been following her car, turning up at the school gate each day when she drops off, and sends her 20 or so texts a night. She has asked him to stop through his solicitor. RP feels she can't go anywhere without him appearing. Closed PS-DOMESTIC.""",
 ['8Q','8L'], ["turning up at the school gate each day when she drops off","sends her 20 or so texts a night","RP feels she can't go anywhere without him appearing"],
 "Fixated following, turning up and messaging causing fear = stalking 8Q (8L alternative).")
T('V','PS-COLLAPSE',"""Male (30s) found semi-conscious in an alley off Goose Gate, 05:10. NWAS: head injury and boot-print bruising on his chest. Male later says he was 'jumped and kicked about' by 3 men who took nothing. Conveyed. Closed PS-COLLAPSE.""",
 ['8N'], ["boot-print bruising on his chest","'jumped and kicked about' by 3 men"],
 "Kicked by three men, with bruising and a head injury = assault with injury 8N (5D if intent to cause serious harm is later shown).")
T('V','ASB-QUAL-PERSONAL',"""Shop worker (Asian, f) at the Spar says a customer, told he couldn't buy alcohol without ID, threw a basket at her which hit her arm and called her a 'p*ki bitch'. No injury. Closed ASB personal.""",
 ['105B','9B'], ["threw a basket at her which hit her arm and called her a 'p*ki bitch'"],
 "A basket thrown striking her, with racist abuse, no injury = racially aggravated common assault 105B (9B the lesser offence).")
T('V','PS-MENTAL-HEALTH',"""Call from RP's wife: husband (55, dementia) hit her across the face with his walking stick this evening, cut to her cheek. She's coping but frightened. CPN to review. Closed PS-MENTAL-HEALTH.""",
 ['8N'], ["hit her across the face with his walking stick","cut to her cheek"],
 "A blow with a stick causing a cut = assault with injury 8N; dementia goes to capacity and outcome, not recording.")
# ---- other ----
T('O','PS-ALARM',"""Residential alarm 2 Beech Close, 14:20, occupants at work. PC 1902 found the front door kicked in, TV and games consoles gone, muddy footprints in the hall. Closed PS-ALARM.""",
 ['28E'], ["front door kicked in, TV and games consoles gone"],
 "Forced entry to a home and theft = residential burglary 28E.")
T('O','PS-LOST-FOUND',"""RP says her bike 'went missing' from her back garden overnight, the garden gate is bolted from inside and the bolt has been forced, bike was in her locked garage - garage side door prised open. Closed lost property.""",
 ['28E'], ["the bolt has been forced","garage side door prised open"],
 "Forced entry to a garage within the dwelling's boundary and theft of a bike = residential burglary 28E, not just cycle theft.")
T('O','PS-CONCERN',"""Concern for customer at Halifax, Market St: teller says an elderly man (85) tried to withdraw £9,000 saying a 'bank investigator' on the phone told him his cashier was corrupt. Teller stopped the withdrawal. No loss. Closed PS-CONCERN.""",
 ['53D'], ["a 'bank investigator' on the phone told him his cashier was corrupt"],
 "An attempted impersonation fraud stopped by the bank is still fraud by false representation (53D, an attempt) for Action Fraud.")
T('O','ASB-ROWDY',"""Youths kicking a parked Vauxhall Corsa on Alfreton Rd, dented both doors and snapped off the wing mirror. Owner watched from her window. Closed ASB rowdy.""",
 ['58C'], ["dented both doors and snapped off the wing mirror"],
 "Deliberately damaging a parked car = criminal damage to a vehicle 58C.")
T('O','PS-CIVIL',"""RP (mechanic) says a customer collected his car from the garage yard overnight with his spare key without paying the £1,100 repair bill, despite being told the car couldn't leave until paid. Closed PS-CIVIL.""",
 ['49A'], ["collected his car from the garage yard overnight with his spare key without paying the £1,100 repair bill"],
 "Removing the repaired car secretly to avoid paying a bill due on the spot = making off without payment 49A.")
T('O','ASB-STREET-DRINKING',"""Street drinker snatched a purse from a woman's hand at the cash machine on Clumber St and ran. PCSO chased, lost him. Woman not hurt. Closed ASB street drinking.""",
 ['39','34B'], ["snatched a purse from a woman's hand at the cash machine"],
 "A snatch from her hand without further force = theft from the person 39 (robbery 34B if force on her is shown).")
T('O','PS-SUSPICIOUS',"""Resident reports man selling 'Sky boxes' door to door. Officers stopped him: van contains 20 boxed TVs with security tags still attached from Currys, no receipts, male (30) says he 'got them from a mate'. Closed suspicious circs.""",
 ['54'], ["20 boxed TVs with security tags still attached from Currys, no receipts"],
 "Selling tagged new TVs with no receipts and a vague account = handling stolen goods 54.")
T('O','PS-DOMESTIC',"""Ex-partner turned up at RP's flat, RP didn't open the door, he smashed the front room window with a brick and left. RP (f) shaken. Window boarded by council. Closed PS-DOMESTIC.""",
 ['58A'], ["smashed the front room window with a brick"],
 "Smashing the window of her home = criminal damage to a dwelling 58A.")
T('O','PS-SUSPICIOUS',"""Park keeper found a male (40s) with a pair of bolt cutters and 3 bike locks cut in his rucksack next to the cycle racks at the Arboretum. Male couldn't explain. Closed suspicious circs.""",
 ['33'], ["a pair of bolt cutters and 3 bike locks cut in his rucksack"],
 "Bolt cutters and cut locks carried near cycle racks with no explanation = going equipped 33.")
T('O','ASB-QUAL-NUISANCE',"""Chicken shop manager says a customer ate a £14 meal and walked out without paying, staff have him on CCTV and know him as a regular.""",
 ['49A'], ["ate a £14 meal and walked out without paying"],
 "Leaving without paying for food eaten = making off without payment 49A.")
T('O','PS-INSECURE',"""Keyholder found the Methodist church hall window smashed, someone had got in - donation box forced open and emptied. Closed PS-INSECURE.""",
 ['30C'], ["window smashed, someone had got in - donation box forced open and emptied"],
 "Entry to a church hall and theft from the donation box = burglary business and community 30C.")
T('O','TR-ROAD-RELATED',"""Driver stopped on the A60, PNC: car reported stolen this morning from Hucknall, it's on false plates. Driver (19) arrested. Owner (our force area) not yet spoken to, no crime number on the PNC entry. Closed road-related.""",
 ['48'], ["car reported stolen this morning from Hucknall, it's on false plates","no crime number on the PNC entry"],
 "The theft of the car in this force's area has no crime record yet = theft of a motor vehicle 48.")
T('O','ASB-NEIGHBOURS',"""RP says neighbour's teenage son sprayed 'grass' on her front wall and her front door in red paint after she reported his dirt bike. Son seen by another neighbour. Closed ASB neighbours.""",
 ['58A'], ["sprayed 'grass' on her front wall and her front door in red paint"],
 "Painting her house wall and door = criminal damage to a dwelling 58A.")
T('O','PS-CONCERN',"""Welfare check for Ms Reid (34, learning disability). Support worker says a 'friend' has moved in, uses her bank card and takes her benefits as soon as they land, Ms Reid doesn't know how much she has. Closed PS-CONCERN.""",
 ['53C'], ["uses her bank card and takes her benefits as soon as they land"],
 "Using a vulnerable woman's bank card to take her benefits = card fraud 53C, for Action Fraud (the force may still act on the safeguarding).")
T('O','PS-SUSPICIOUS',"""Ticket inspector detained a male on the tram with a bag of 30 small plastic bags of white powder and £600 cash. Male said 'it's not mine'. Field test positive for cocaine. Closed suspicious circs.""",
 ['92A'], ["bag of 30 small plastic bags of white powder and £600 cash","Field test positive for cocaine"],
 "Thirty deals of cocaine with cash = possession with intent to supply, trafficking 92A.")
# ---- negatives ----
F('denial','ASB-QUAL-PERSONAL',"""Passer-by says a man 'punched' a woman at the bus stop. Officers spoke to both: husband and wife, he had swatted a wasp off her shoulder, she confirms, no marks, both laughing. Closed ASB personal.""",
 "Both involved give the same innocent account matching what officers saw.")
F('words','ASB-QUAL-PERSONAL',"""RP (m) says a man in the queue at the post office muttered that he 'stinks'. Nothing else. RP embarrassed, not scared. Closed ASB personal.""",
 "A rude remark; no offence.")
F('fear','PS-CONCERN',"""RP (f) says she has had a bad feeling since a man smiled at her on the bus and got off at the same stop, he walked the other way. Nothing else. Closed PS-CONCERN.""",
 "Unease about an innocent encounter; no offence.")
F('hypothetical','PS-DOMESTIC',"""RP (f) asks what would happen 'if' she hit her husband back if he ever hit her; he never has, she's been reading about DA. Advice given. Closed PS-DOMESTIC.""",
 "A hypothetical question; no incident has occurred.")
F('recorded','PS-SUSPICIOUS',"""Burglary at 12 Kings Rd yesterday (crime 26/81420) - neighbour now reports seeing a white van there at the time, passed to OIC. Closed suspicious circs.""",
 "Witness information for an already recorded burglary.")
F('elsewhere','PS-CONCERN',"""RP worried about her online friend in Canada who said on Discord that her stepdad hits her. RP doesn't know her real name. Passed to RCMP via CEOP/Interpol desk. Closed PS-CONCERN.""",
 "A possible offence against a person in Canada, passed to the authorities there.")
F('civil','PS-CIVIL',"""RP's ex-landlord is keeping her post and parcels that still go to the old address and says she can collect them. Advised to arrange collection and redirect mail. Closed PS-CIVIL.""",
 "Post being held for collection, not withheld dishonestly: civil.")
F('civil','PS-CIVIL',"""Two sisters arguing over their late mum's jewellery; one took it home after the funeral saying mum promised it to her. Advised civil - probate. Closed PS-CIVIL.""",
 "Property taken under an honest claim of right: civil.")
F('state','PS-SUSPICIOUS',"""Report of a man in a car with a 'crossbow'. Officers stopped car 16:05: archery bow in a case, male (35) on way to his club, membership card shown. Closed suspicious circs.""",
 "A sporting bow carried cased with a lawful purpose: no offence made out.")
F('state','ASB-ROWDY',"""Drunk male shouting in the street at 02:00, no one around. Calmed down when officers arrived and went home. Closed ASB rowdy.""",
 "A disturbance resolved on police arrival with no victim: not recorded.")
F('accident','TR-RTC-INJURY',"""Child (7) ran out between parked cars on Ebury Rd and was struck by a car at low speed, bruised leg. Driver stopped, sober, witnesses say she couldn't have avoided it. Closed RTC injury.""",
 "An accident with no fault shown; no offence.")
F('accident','PS-COLLAPSE',"""Man (60s) collapsed in the Broadmarsh car park, chest pains. CCTV shows him clutching his chest and sitting down, no one else near. Conveyed, heart attack. Closed PS-COLLAPSE.""",
 "A medical collapse with no one involved.")
F('retraction','PS-SUSPICIOUS',"""RP reports a man 'trying to break into' her car at the supermarket. Officers attended: man had mistaken her silver Focus for his own identical car, his key fob opened his car two bays away, CCTV confirms. Closed suspicious circs.""",
 "CCTV and his key confirm an honest mistake over an identical car: no attempted theft.")
F('lawful','PS-CONCERN',"""RP saw two adult men having sex in a car in a secluded lay-by at night and was shocked. Officers attended, both adults, car windows steamed up, nobody else about, no one could see in. Words of advice. Closed PS-CONCERN.""",
 "Consensual sex between adults not intended or likely to be seen: no offence.")
F('missing','PS-ABSENT',"""Absent from hospital ward - patient (m, 70) left to buy cigarettes and returned 30 minutes later, no concerns.""",
 "Returned; nothing disclosed.")
F('mh','PS-MENTAL-HEALTH',"""Female (30s) says she is hearing voices telling her people are watching her; no third party named, no incidents. Crisis team informed. Closed PS-MENTAL-HEALTH.""",
 "A mental health concern with nothing to indicate an offence.")
F('nonnotifiable','ASB-VEHICLE-ABANDONED',"""Untaxed Ford Mondeo left on Green Lane for 2 weeks, not reported stolen, keeper known. DVLA notified. Closed ASB vehicle abandoned.""",
 "An untaxed abandoned car is not a notifiable crime.")
F('nonnotifiable','PS-INSECURE',"""Front door of the newsagents open at 05:00, owner forgot to lock up. Nothing disturbed. Closed PS-INSECURE.""",
 "An insecure premises with nothing disturbed.")
F('words','PS-DOMESTIC',"""Father and teenage son (15) arguing over the son's phone use, son swore at dad, dad took the phone away. Nobody hurt, no threats. Closed PS-DOMESTIC.""",
 "A family row over rules, words only.")
F('denial','PS-CHILD-CONCERN',"""Neighbour concerned that a child (4) at no.8 is being 'locked out in the garden'. PCSO visited: child plays in the enclosed garden while mum watches from the kitchen, back door open, mum and child both seen, happy, no concerns. Closed PS-CHILD-CONCERN.""",
 "What the PCSO saw fits the mother's account; no neglect.")
T('O','ASB-QUAL-ENVIRONMENTAL',"""08:05 Parking services report the pay and display machine on Level 2 of the Trinity Sq car park has been vandalised. 08:20 PCSO 6617 attended. Front panel of the machine prised open with a tool, coin box missing. Screen also smashed. Parking services say the box was last emptied Friday, approx £350 in coins. Car park CCTV covers Level 2 but the camera was sprayed black at 02:47 by a male in a hooded top. UPDATE 10:40 cashier at the Co-op on Glasshouse St reports a male paying for cigarettes with a large bag of pound coins at 07:30. Shop CCTV requested. UPDATE 12:15 parking services have a temporary machine in place. Engineer says the lock was drilled. Closed ASB environmental - parking services to submit invoice.""",
 ['47','58D'], ["Front panel of the machine prised open with a tool, coin box missing","the lock was drilled"],
 "Breaking open a pay machine and stealing the coin box = theft from an automatic machine or meter 47; the sprayed camera (58D) is separate damage to another part of the car park.")
