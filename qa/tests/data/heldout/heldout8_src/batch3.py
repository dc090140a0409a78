from _h import T, F
# ---- sexual ----
T('S','ASB-NOISE',"""Noise complaint, party at 41 Granville St, 02:00. 02:35 PCSOs 6613/6640 attended, music turned off. While there a female guest (Sophie, 18) came out crying and told PCSO 6640 a man at the party had followed her into the bathroom, locked the door and pushed his hand down the front of her jeans and she had to fight him off. She doesn't know his name, he has since left. Sophie's friend taking her home. Closed ASB noise - party dispersed.""",
 ['20A'], ["pushed his hand down the front of her jeans and she had to fight him off"],
 "Non-consensual sexual touching she had to fight off = sexual assault on a female 13+ (20A), disclosed during a noise job.")
T('S','PS-CONCERN',"""Uni security call 07:50. Student (m, 19) in halls says he woke up in another student's room after pre-drinks, the other lad (m, 20) had anal sex with him while he was out of it, he has pain and bleeding. Victim wants to go home to his parents, has agreed to SARC info. Closed PS-CONCERN.""",
 ['19F'], ["had anal sex with him while he was out of it","he has pain and bleeding"],
 "Penile penetration of a man too intoxicated to consent = rape of a male 16+ (19F).")
T('S','PS-CHILD-CONCERN',"""Foster carer reports Leah (9) told her at bedtime that her older brother Connor (16), at their mum's, 'puts his thing in my mouth' when mum is asleep. Leah placed with carer since Tues. Social worker informed. Closed PS-CHILD-CONCERN.""",
 ['19E','23'], ["'puts his thing in my mouth'","Leah (9)"],
 "Penile penetration of the mouth of a 9-year-old = rape of a female child under 13 (19E); familial offence 23 as the lesser alternative.")
T('S','ASB-ROWDY',"""Drunk male on the 22:40 Northern service, Platform 2. Female passenger says he sat next to her, put his hand between her legs and tried to kiss her. She moved. BTP informed as on train, but male got off at our station and was detained by our officers on the platform. Closed ASB rowdy.""",
 ['20A'], ["put his hand between her legs and tried to kiss her"],
 "Touching between the legs without consent = sexual assault 20A (the force that deals with it records it, BTP jurisdiction aside).")
T('S','PS-CIVIL',"""RP (f) reports dispute with her landlord over repairs. Says when he came round to 'inspect' the boiler he said he'd knock £100 off the rent if she'd 'be nice to him', then grabbed her bum and tried to pull her onto the bed. She pushed him away. Repair dispute civil, advised Shelter. Closed PS-CIVIL.""",
 ['20A'], ["grabbed her bum and tried to pull her onto the bed"],
 "Sexual touching without consent by the landlord = sexual assault on a female 13+ (20A); the repair dispute is civil but the assault is not.")
T('S','PS-MISSING',"""Found misper - Ruby (15), missing 2 days, located in a car with two men (30s) at a service station. Debrief: Ruby says one of the men gave her money and vapes and made her have sex with his friend in a hotel in exchange, she didn't want to but felt she had to. Men in custody. Closed PS-MISSING - returned.""",
 ['19D','71'], ["made her have sex with his friend in a hotel in exchange, she didn't want to"],
 "Intercourse a 15-year-old did not want, arranged for payment = rape of a female under 16 (19D), with child sexual exploitation (71) as the lesser offence.")
T('S','PS-SUSPICIOUS',"""RP (f, 40s) reports a man standing in the alley behind her house at 23:00 looking through her bathroom window while she was in the shower. She saw him with his hand moving in his trousers. He ran when she screamed. Same thing happened on Wed. Closed suspicious circs.""",
 ['88E'], ["looking through her bathroom window while she was in the shower","his hand moving in his trousers"],
 "Watching a woman shower for sexual gratification = voyeurism (88E).")
T('S','PS-DOMESTIC',"""Female caller (Priya) states husband won't let her leave the bedroom, he says she has to have sex with him as she's his wife. She says he has done it 3 times this week while she cried and told him no. 00:30 officers attended, husband arrested. Closed PS-DOMESTIC.""",
 ['19C','8U'], ["he has done it 3 times this week while she cried and told him no"],
 "Intercourse while she says no and cries = rape 19C (marriage is no defence); coercive control (8U) is a further offence to consider.")
T('S','ASB-QUAL-PERSONAL',"""PCSO report: female shop assistant at Card Factory says male customer reached round and touched her bottom as she was stacking the shelves. 2nd time he has done it. Shop has his loyalty card details. Closed ASB personal.""",
 ['20A'], ["touched her bottom as she was stacking the shelves"],
 "Sexual touching of her bottom without consent = sexual assault 20A (the second time is a separate finished incident, counted separately).")
T('S','PS-CONCERN',"""Text from 111 service: caller (m, 16) says his 22-year-old 'girlfriend' he met on a gaming app had sex with him at her flat several times last month and is now demanding he sends her sexual videos of himself, he wants out. Mum now aware. Callback arranged. Closed PS-CONCERN.""",
 ['86'], ["caller (m, 16)","demanding he sends her sexual videos of himself"],
 "Sex with a 16-year-old is lawful, but inciting a 16-year-old to make and send sexual videos of himself is an indecent images of children offence (86).")
T('S','PS-CHILD-CONCERN',"""Dad reports his daughter (11) was approached in the park by a man who pulled down his trousers and showed her his penis, then asked her to touch it. She ran home. Desc WM 60s, walking stick. Closed PS-CHILD-CONCERN.""",
 ['21','88E'], ["showed her his penis, then asked her to touch it","his daughter (11)"],
 "Exposing himself to an 11-year-old and inciting her to touch him = inciting sexual activity with a child under 13 (21), exposure 88E as the lesser offence.")
T('S','ADMIN',"""Email from Barnardo's worker: young person (f, 14) disclosed in session that a 19 yr old male asked her for nude photos on Snapchat and she sent 3, he now says he'll share them unless she sends more. YP consents to referral. Closed ADMIN - passed to CAIU.""",
 ['35','86'], ["he'll share them unless she sends more","asked her for nude photos on Snapchat and she sent 3"],
 "Demanding more images under threat of sharing = blackmail 35 (higher rank), with the indecent images of a 14-year-old (86) as the further offence.")
# ---- violence ----
T('V','PS-SUDDEN-DEATH',"""07:40 expected death, male 74, COPD, GP to certify, no suspicious circs. While PC 2231 waited with the family for the undertakers, the widow (73) said quietly that their grandson Jordan (20) punched her in the stomach last Thursday when she wouldn't give him money, and she has a bruise. PC saw a large yellowing bruise on her lower abdomen. She doesn't want him 'in trouble' at a time like this. Closed sudden death - non-suspicious.""",
 ['8N'], ["punched her in the stomach last Thursday","large yellowing bruise on her lower abdomen"],
 "The death is natural, but the widow's disclosure of a punch causing bruising = assault with injury 8N; reluctance does not stop recording.")
T('V','PS-DOMESTIC',"""12:15 female (Chantelle) 999, says partner is 'going mental'. Line open, male heard saying 'I'll f***ing kill you and the baby, I mean it'. 12:22 officers on scene, male detained. Chantelle says she believes he would. No injuries. Closed PS-DOMESTIC.""",
 ['3B'], ["I'll f***ing kill you and the baby, I mean it","Chantelle says she believes he would"],
 "A threat to kill heard on the open line and believed by the victim = 3B.")
T('V','ASB-ROWDY',"""Kebab shop, Long Row, 01:50. Door staff from next door report a male was punched several times by 2 others after an argument in the queue. Victim walked off holding his face, blood from nose. Suspects in a grey Golf. Victim not traced. Closed ASB rowdy.""",
 ['8N'], ["male was punched several times by 2 others","blood from nose"],
 "Eyewitness account of a punch causing a bloodied nose, victim untraced = assault with injury 8N (R-NCRS-THIRD-PARTY).")
T('V','PS-CHILD-CONCERN',"""Neighbour reports 2 young children (approx 3 and 5) left alone in a flat at 26 Vine Ct for several hours, crying at the window. 20:10 officers forced entry: children alone, no food in the flat, dirty nappy, the 3yr old had a nappy rash with open sores. Mum returned 21:30 from the pub. Children taken into police protection. Closed PS-CHILD-CONCERN.""",
 ['11A'], ["2 young children (approx 3 and 5) left alone","no food in the flat","nappy rash with open sores"],
 "Leaving very young children alone for hours without food, with untreated sores = wilful neglect, cruelty to children 11A.")
T('V','TR-RTC-DAMAGE',"""Low speed shunt, Derby Rd. RP says after he got out to check the damage the other driver (f, 40s) slapped him across the face and scratched his neck. Scratch marks seen by attending PCSO. Details exchanged. Closed RTC damage.""",
 ['8N'], ["slapped him across the face and scratched his neck","Scratch marks seen"],
 "Slap and scratch causing visible marks = assault with injury 8N, separate from the damage-only collision.")
T('V','ASB-NEIGHBOURS',"""RP (Mr Begum) says neighbour has been leaving notes calling him a 'terrorist', filming him and his wife whenever they go out, and shouting 'Allahu Akbar' at them mockingly from his garden, for the past month. RP's wife has stopped going out alone. Closed ASB neighbours - hate incident.""",
 ['8M'], ["leaving notes calling him a 'terrorist'","shouting 'Allahu Akbar' at them mockingly","for the past month"],
 "A month-long course of religiously hostile notes, filming and abuse causing fear = religiously aggravated harassment 8M.")
T('V','PS-CONCERN',"""Housing officer concerned about tenant (Mrs Walsh, 80). On visit Mrs Walsh said her son 'locks her in her bedroom' when he goes out and takes her pension, she was crying. Door has a bolt on the outside. Adult social care informed. Closed PS-CONCERN.""",
 ['36','53F'], ["'locks her in her bedroom' when he goes out","Door has a bolt on the outside"],
 "Locking an elderly woman in her room = false imprisonment, classed with kidnapping 36; taking her pension suggests fraud by abuse of position (53F, for Action Fraud) as a further offence.")
T('V','PS-SUSPICIOUS',"""Call from neighbour of 3 Lynton Rd: heard a gunshot-type bang and a man shouting 'next time it's your head'. 02:05 ARVs attended, resident (m, 28) says a man fired a pistol at his front door, bullet hole in door frame. Resident believes he will be back to kill him. Closed suspicious circs - firearms incident.""",
 ['10A','5E','3B'], ["fired a pistol at his front door, bullet hole in door frame","next time it's your head"],
 "Firing a pistol at an occupied home = possession of a firearm with intent to endanger life (10A, highest rank); endangering life 5E and the threat to kill 3B as the alternatives/lesser offences.")
T('V','PS-DOMESTIC',"""RP (mum) says daughter's boyfriend (19) has been texting daughter (17) 100+ times a day, turns up at her college and work, went through her phone and threatened to post her nudes if she leaves him. Daughter scared of him. Closed PS-DOMESTIC.""",
 ['8Q','8U'], ["texting daughter (17) 100+ times a day","turns up at her college and work","Daughter scared of him"],
 "Fixated contact, turning up at college and work and monitoring her, causing fear = stalking 8Q (higher rank), with controlling or coercive behaviour 8U as the alternative in an intimate relationship.")
T('V','ASB-COMMS',"""RP (f, 50s) says a former colleague has been sending her letters and emails weekly since she left the firm in June, accusing her of ruining his life, several saying he hopes she 'dies slowly'. RP anxious and has had panic attacks. Closed ASB comms.""",
 ['8L'], ["sending her letters and emails weekly since she left the firm in June","RP anxious and has had panic attacks"],
 "Months of weekly unwanted abusive letters and emails causing distress = harassment 8L.")
T('V','PS-OTHER',"""Custody Sgt log: detained person (m, 25) kicked PC 2287 in the shin during booking in and bit his forearm, breaking the skin. PC attended OH. Closed PS-OTHER.""",
 ['8S'], ["bit his forearm, breaking the skin"],
 "A bite breaking a constable's skin = assault with injury on a constable 8S.")
T('V','ASB-QUAL-PERSONAL',"""Delivery driver (Evri) says customer came out shouting about a late parcel and pushed him in the chest so he stumbled into the road. No injury. Closed ASB personal.""",
 ['105A'], ["pushed him in the chest so he stumbled into the road"],
 "A push to the chest without injury = common assault 105A.")
T('V','PS-MENTAL-HEALTH',"""Female patient at Bluebell ward (informal) walked off, found at bus stop. Nurse says before leaving the patient attacked another patient, pulling out a clump of her hair, the other patient has a bald patch and scratches. Closed PS-MENTAL-HEALTH - returned to ward.""",
 ['8N'], ["pulling out a clump of her hair","bald patch and scratches"],
 "Pulling out hair causing visible injury = assault with injury 8N; the setting and the suspect's mental state go to outcome.")
T('V','PS-DOMESTIC',"""Anon caller reports shouting from 8 Kent Rd, says it has gone on for half an hour. Grade 2. 17:30 PC 1923 attended. Male (Andy) has a swollen eye and cut eyebrow, says his wife punched him when he told her he was leaving. Wife admits 'I lost it'. Closed PS-DOMESTIC.""",
 ['8N'], ["his wife punched him when he told her he was leaving","swollen eye and cut eyebrow"],
 "A punch causing a cut and swelling, admitted = assault with injury 8N.")
# ---- other ----
T('O','PS-ALARM',"""Alarm at 31 Hollybush Lane (homeowner in Spain). Neighbour keyholder attended with PC 3901 at 04:10: side window jemmied, upstairs ransacked, a safe ripped from the wardrobe floor. Closed PS-ALARM.""",
 ['28E'], ["side window jemmied, upstairs ransacked, a safe ripped from the wardrobe floor"],
 "Forced entry to a home and theft of a safe = residential burglary 28E.")
T('O','PS-INSECURE',"""Builder reports the door of a house he's renovating at 9 Coal Lane (unoccupied) forced overnight, copper piping ripped out of the walls and a boiler gone. Closed PS-INSECURE.""",
 ['28E'], ["door of a house he's renovating at 9 Coal Lane (unoccupied) forced overnight","copper piping ripped out of the walls and a boiler gone"],
 "Entry to a vacant house under renovation and theft from it = residential burglary 28E per the label rules.")
F('recorded','ASB-VEHICLE-ABANDONED',"""Abandoned vehicle report, Orchard Way: blue Fiesta there 3 days, both front windows smashed, ignition barrel pulled out. PNC: reported stolen to Leics yesterday, their crime ref LC-26-0778812 on the PNC entry. Recovered to Leics' contract garage, owner told by Leics. Closed ASB vehicle abandoned - recovered.""",
 "The theft (and the damage done in taking the car) is already recorded by the owning force under a crime reference; recovery adds nothing to record.")
T('O','PS-LOST-FOUND',"""Cleaner found an Amazon bag in the bin room at Clarendon flats with 12 opened parcels addressed to different residents, all empty. Closed lost property.""",
 ['42'], ["12 opened parcels addressed to different residents, all empty"],
 "Opened, emptied parcels of different residents = theft of mail 42.")
T('O','PS-SUSPICIOUS',"""Supermarket manager, Morrisons, reports a man in the café paying with a £50 note which the till pen says is fake, he has 4 more in his wallet. Male detained by staff. Closed suspicious circs.""",
 ['61'], ["paying with a £50 note which the till pen says is fake","he has 4 more in his wallet"],
 "Tendering and holding several counterfeit notes = counterfeiting/forgery (61).")
T('O','ASB-QUAL-NUISANCE',"""Taxi firm reports fare from the station to Wollaton ran off at the end without paying £23.60. Driver has the pick-up on his app. Closed ASB nuisance.""",
 ['49A'], ["ran off at the end without paying £23.60"],
 "Leaving without paying for a completed taxi journey = making off without payment 49A.")
T('O','PS-CIVIL',"""RP (decorator) took a job for a lady on Hill Rd, lady says he stole her engagement ring off the windowsill. RP denies. UPDATE: RP's van searched with his consent - ring not found. Lady says she 'knows' he took it. Closed PS-CIVIL.""",
 ['40','49'], ["lady says he stole her engagement ring off the windowsill"],
 "The owner's account that her ring was taken from her home is enough for theft (40/49) on the balance of probability; a negative search is not credible evidence it was not stolen.")
T('O','ASB-ROWDY',"""Gang of youths at the skatepark, 20:30. Caller states one youth has an orange-handled machete, waving it around. 20:41 units on scene, youth detained, machete found in his rucksack. Closed ASB rowdy.""",
 ['10D'], ["machete found in his rucksack"],
 "Bladed article found in his possession in a public place = possession of article with blade or point (10D), points made out.")
F('civil','PS-DOMESTIC',"""RP (female) says her husband emptied their joint savings account of £12,000 and moved it into an account in his sole name before telling her he was leaving. Both named on the account, either can withdraw. No other concerns, no abuse disclosed. Advised solicitor - joint funds in a divorce. Closed PS-DOMESTIC.""",
 "One joint account holder withdrawing funds he is entitled to access, during a separation: a civil/matrimonial matter.")
T('O','ASB-QUAL-ENVIRONMENTAL',"""Churchwarden reports lead stripped from the roof of St Mary's church overnight, large sections missing, rain now coming through. Closed ASB environmental.""",
 ['49'], ["lead stripped from the roof of St Mary's church overnight"],
 "Stripping lead from a church roof = theft (49) (damage to get it is part of the theft).")
T('O','ASB-ROWDY',"""Pub fight at The Anchor, 22:00. 6 males fighting in the street with bottles and a bar stool, members of the public running into shops to get away, one female screaming. 22:06 units on scene, 4 arrested. Closed ASB rowdy.""",
 ['62A'], ["6 males fighting in the street with bottles and a bar stool","members of the public running into shops to get away"],
 "Three or more using violence together with weapons, causing people to flee in fear = violent disorder 62A.")
T('O','PS-SUSPICIOUS',"""ANPR hit on a Range Rover reported stolen (keyless theft) in Solihull. Stopped on the A38, 2 males inside, bag in the footwell containing 9 wraps of brown powder. Driver admitted it was heroin for personal use. Closed suspicious circs.""",
 ['92D','48'], ["9 wraps of brown powder","Driver admitted it was heroin for personal use"],
 "Heroin found with an admission = possession of class A 92D; the car theft (48) belongs to the owning force's record.")
# ---- negatives ----
F('denial','PS-CHILD-CONCERN',"""School reports pupil (7) has a bruise on his cheek. Child says he fell off the climbing frame at the park on Sunday. Mum and a neighbour who was there both confirm, neighbour has a photo of the fall's aftermath with the child crying at the slide. No other concerns, no history. Closed PS-CHILD-CONCERN.""",
 "The child's own account of an accident, confirmed independently: no assault.")
F('words','PS-DOMESTIC',"""Mother and daughter (20) screaming at each other over the daughter's boyfriend. Daughter called mum 'a pathetic bitch'. No violence, no threats, nothing broken. Daughter went to her boyfriend's. Closed PS-DOMESTIC.""",
 "A family row in the home, insults only: no offence.")
F('fear','ASB-COMMS',"""RP worried that photos she sent to an ex while together 'might' be shared. He hasn't threatened to, no contact for a year. Advice given re Revenge Porn Helpline. Closed ASB comms.""",
 "Worry about a possible future act with no threat made: no offence.")
F('recorded','PS-SUSPICIOUS',"""Car seen on Bay St with smashed window. PNC check: owner reported it on 101 this morning, crime ref 26/61204 (theft from vehicle). Owner aware. Closed suspicious circs.""",
 "The damage/theft is already recorded under a crime reference.")
F('civil','PS-CIVIL',"""RP's sister has taken their late father's car from his house, RP says it should be shared under the will. Sister is executor. Advised civil - probate solicitor. Closed PS-CIVIL.""",
 "An executor removing estate property under a claim of right: civil dispute over the will.")
F('state','ASB-STREET-DRINKING',"""Group in the park passing round a joint per RP. PCSO attended 16:00, smell of cannabis but group had nothing on them when asked, no search powers exercised. Moved on. Closed ASB street drinking.""",
 "Smell only, nothing found: possession not made out.")
F('accident','TR-RTC-DAMAGE',"""Lorry clipped the railway bridge on Station Rd, minor damage to the bridge parapet. Driver stopped and reported it, Network Rail informed. Closed RTC damage.""",
 "Accidental damage reported by the driver: not criminal damage.")
F('retraction','PS-LOST-FOUND',"""RP reports her handbag stolen from the pub. 23:40 the barman found it behind the seating where she'd been sitting, contents complete, RP collected it. Closed lost property.""",
 "The bag was found where she had sat with contents complete: nothing was stolen.")
F('elsewhere','PS-CONCERN',"""RP (m) says his brother in Poland has been assaulted by his landlord there. RP wants the landlord arrested. Brother in Poland, reported to Polish police. Closed concern.""",
 "An assault on a person in Poland already reported to the police there: not for this force to record.")
F('mh','PS-MENTAL-HEALTH',"""Female (25) on the phone saying she has voices telling her to hurt herself, no plan, at home with mum. Crisis team call back arranged. Closed PS-MENTAL-HEALTH.""",
 "A mental health crisis, no third party harmed and no threat to others.")
F('missing','PS-ABSENT',"""Absent - male (80, dementia) walked out of care home. Located 40 mins later at the bus station by staff, unharmed. Closed PS-ABSENT - returned.""",
 "Absent person found unharmed; no offence.")
F('nonnotifiable','PS-SUDDEN-DEATH',"""Sudden death, male (58) found in bed by his son. GP saw him last week for heart problems, will certify. No injuries, house secure, no suspicious circs. Closed sudden death - non-suspicious.""",
 "An expected natural death certified by the GP; nothing suspicious.")
F('nonnotifiable','TR-ROAD-RELATED',"""Vehicle stopped on Bath Rd, no insurance per MID, driver (f, 22) reported and vehicle seized, closed road-related.""",
 "No insurance is a non-notifiable road traffic offence.")
F('words','ASB-QUAL-PERSONAL',"""Dog walker says another dog walker swore at her for her dog sniffing his. Words only, she wasn't scared, 'just rude'. Closed ASB personal.""",
 "Rudeness with no one alarmed or in fear: not a public order offence.")
F('lawful','ASB-QUAL-NUISANCE',"""Complaint of a couple kissing and cuddling on a park bench, RP 'disgusted'. PCSO attended, two adults clothed, fully dressed, no sexual activity. Moved on politely. Closed ASB nuisance.""",
 "Lawful affection between adults in public: no offence.")
F('denial','ASB-NEIGHBOURS',"""RP (no.18) alleges neighbour (no.20) threw dog mess over her fence deliberately. PCSO checked both gardens, RP's own dog had been in the garden, neighbour has no dog. RP accepts it may be her own dog's. Closed ASB neighbours.""",
 "What officers found supports the innocent explanation and the caller accepts it.")
F('civil','PS-CIVIL',"""Mechanic keeping RP's car until the £650 repair bill is paid. RP says the bill was only meant to be £400. Advised civil - lien. Closed PS-CIVIL.""",
 "A garage's lien over a disputed bill: civil.")
F('state','PS-SUSPICIOUS',"""Report of male with a 'gun' in the park - 14:10 ARV attended, male (16) with a plastic Nerf blaster, bright orange, playing with his brother. Words of advice. Closed suspicious circs.""",
 "An obvious toy; no firearm or imitation offence made out.")
F('accident','PS-HAZARD',"""Gas leak reported on Crown St, Cadent attended, road closed 2 hours. Caused by a contractor hitting the main while digging. No injuries. Closed PS-HAZARD.""",
 "Accidental utility damage: no offence.")
F('retraction','ASB-VEHICLE-NUISANCE',"""RP says someone has slashed his van tyre. 10:30 tyre fitter attended, found a screw in the tread, flat from a puncture. RP happy. Closed ASB vehicle nuisance.""",
 "A fitter found a screw causing a puncture: verifiable fact that nobody damaged the tyre.")
T('V','ASB-QUAL-PERSONAL',"""Bus driver (Stagecoach, route 36) reports a passenger refused to show his ticket, then grabbed the driver's lanyard and twisted it round his neck, driver has red marks and a scratch under his ear. Passenger off at Clifton Bridge. CCTV on board. Closed ASB personal.""",
 ['8N'], ["grabbed the driver's lanyard and twisted it round his neck","red marks and a scratch under his ear"],
 "Twisting a lanyard round the driver's neck leaving marks = assault with injury 8N.")
T('O','PS-SUSPICIOUS',"""RP heard noises in his back garden 03:00, looked out and saw a male trying the handle of his back door and then trying to lever the kitchen window with something. Male ran off when RP switched on the light. Pry marks on the window frame in the morning. Closed suspicious circs.""",
 ['28F'], ["trying to lever the kitchen window with something","Pry marks on the window frame"],
 "Trying the door then levering a window of an occupied house shows an attempt to enter = attempted residential burglary 28F.")
T('O','ASB-NEIGHBOURS',"""RP's wooden fence panels kicked in for the third time this month. Tonight RP saw neighbour's son (17) do it, on her doorbell camera too. 3 panels broken. Closed ASB neighbours.""",
 ['58D'], ["saw neighbour's son (17) do it","3 panels broken"],
 "Deliberately kicking in fence panels, seen and filmed = criminal damage (58D; a garden fence is not the dwelling).")
