/**
 * What the language detector knows, written by hand for customer chats with a shop,
 * a salon or a bank: frequent words per language (function words, greetings, days,
 * booking, paying and delivery words) and a few sentences per language from which the
 * character trigram profiles are counted. Written in natural spelling; the detector
 * folds them the way it folds a message (see normalize-text.ts).
 *
 * Test messages (tests/fixtures/language-id.jsonl) are written separately: keep them out
 * of here, or the accuracy measured there means nothing.
 */

export const PROFILE_LANGUAGES = ['it', 'de', 'en', 'fr', 'es'] as const;
export type ProfileLanguage = (typeof PROFILE_LANGUAGES)[number];

export const FREQUENT_WORDS: Readonly<Record<ProfileLanguage, string>> = {
  it: `il lo la i gli le un uno una di del dello della dei degli delle da dal dalla dai dalle in nel nella nei nelle su sul sulla
    sui con col per tra fra che chi cui non e ed o oppure ma però anche se come quando dove perché quanto quanta quanti quante quale
    quali cosa questo questa questi queste quello quella quelli io tu lui lei noi voi loro mi ti ci vi si ne me te ce glielo mio
    mia miei mie tuo tua tuoi suo sua nostro nostra vostro vostra sono sei è siamo siete ho hai ha abbiamo avete hanno ero era
    erano stato stata sarà sarebbe essere avere fare fate faccio fai fa facciamo fatto posso puoi può possiamo potete possono
    potrei potreste potresti vorrei volevo voglio vuoi vuole vogliamo devo devi deve dobbiamo dovrei serve servono servirebbe
    bisogno sapere sapete so sai sa mandare mandi mandate manda mandato inviare inviato ricevuto arrivato arrivata arrivare venire
    vengo vieni viene andare vado ritirare chiedere chiedo chiamare chiamo scrivere scrivo dire dico detto capito prenotare prenoto
    prenotazione appuntamento appuntamenti disdire disdetta annullare spostare cambiare orari orario aperti aperto aperta chiuso
    chiusi chiusa oggi domani ieri dopodomani mattina pomeriggio sera stasera stamattina settimana prossima prossimo scorsa lunedì
    martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre
    novembre dicembre mese giorno giorni ora ore minuti grazie prego ciao buongiorno buonasera buonanotte salve arrivederci scusa
    scusate scusi favore piacere gentile gentilissima gentilissimo perfetto perfetta ottimo benissimo bene male molto poco tanto
    troppo tutto tutti tutte niente nulla qualcosa qualcuno ancora già sempre mai più meno solo subito presto tardi adesso allora
    quindi invece ecco sì certo esatto costa costano prezzo prezzi listino pagare pagato pagamento carta conto bonifico saldo
    soldi rimborso ordine ordinato spedizione spedito consegna pacco corriere negozio taglio capelli piega colore unghie ceretta
    trattamento trattamenti viso mani piedi disponibile disponibilità libero posto volete informazioni informazione vorremmo buon
    buona giornata serata mille tante cortesia richiesta problema numero telefono indirizzo via vicino parcheggio grande piccolo
    nuovo nuova vecchio uguale stesso altro altra altri primo prima dopo poi comunque magari forse davvero proprio dell nell sull
    quell po cos c l un' qualche nessuno ogni ragazze signora signor tessera bancomat filiale mutuo prestito fantastico
    bellissimo carino vabbè figurati tranquillo d'accordo giusto meglio peccato`,
  de: `der die das den dem des ein eine einen einem einer kein keine keinen ich du er sie es wir ihr mich mir dich dir uns euch
    ihnen ihm mein meine meinen meinem dein deine ihre unser unsere euer ist bin bist sind seid war waren wäre hat habe hab hast
    haben hatte hatten wird werde werden wurde würde kann kannst können könnte könnten möchte möchten will willst wollen wollte
    muss musst müssen soll sollte darf dürfen und oder aber denn weil dass wenn ob als wie wo wann was wer warum wieso weshalb
    welche welcher welches wieviel viel viele wenig nicht nichts noch schon auch nur mal doch ja nein nee jetzt heute morgen
    übermorgen gestern bald später früh abend abends vormittag nachmittag woche wochenende montag dienstag mittwoch donnerstag
    freitag samstag sonntag januar februar märz mai juni juli oktober dezember uhr stunde stunden minuten tag tage termin termine
    buchen gebucht reservieren absagen stornieren verschieben verlegen öffnungszeiten geöffnet offen geschlossen zu auf mit für von
    vom zum zur bei beim nach aus über unter vor bis im am um an ins ans danke bitte hallo guten gruß grüße tschüss servus moin
    liebe lieber lieben freundlichen vielen dank schön sehr gut gerne kostet kosten preis preise bezahlen bezahlt zahlung karte
    konto überweisung geld rückerstattung bestellung bestellt lieferung geliefert paket sendung geschäft laden haare haarschnitt
    färben farbe nägel gesicht frei möglich gibt hier da dort heißt leider kurz frage fragen wissen weiß sagen geht gehts passt
    klar genau vielleicht eigentlich wirklich einfach richtig falsch neu neue alte gleich andere anderen erste nächste nächsten
    letzte diese dieser dieses gemacht machen mache machst kommen komme kommt brauche brauchen brauchst hätte hätten würden
    sollen rufen anrufen angerufen schreiben geschrieben nachricht adresse telefonnummer nummer hilfe helfen schicken geschickt
    erhalten bekommen bekomme frau herr filiale kreditkarte sperren überwiesen abgebucht leute perfekt prima toll klasse
    wunderbar schade echt stimmt logo alles gut`,
  en: `the a an and or but if of to in on at for from with by about as is are was were be been being am do does did done have
    has had having will would can could shall should may might must i you he she it we they me him her us them my your his its
    our their mine yours this that these those what which who whom whose when where why how much many there here not no yes
    yeah yep please thanks thank hello hi bye morning afternoon evening night today tomorrow yesterday tonight week weekend
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october
    november december hour hours minute minutes day days open opening closed close price prices cost costs pay paid payment card
    account bank transfer money refund order ordered delivery delivered shipping package parcel store shop appointment
    appointments booking book booked cancel cancelled reschedule available availability free slot want wanted need needed like
    get got know just also still already again only very any some all more less time soon later now up out sorry could anyone
    someone something anything nothing everything else right wrong new old same other next last first thing things help question
    answer call phone number address email message sent send received receive check come going go went make made take haven't
    hasn't don't doesn't didn't i'm it's that's what's there's you're we're they're can't won't isn't aren't wasn't i'd i'll
    i've hair cut nails branch loan charged blocked perfect great sure cheers nope nah fine awesome amazing lovely brilliant
    nice kind welcome excellent wonderful alright good bad fab`,
  fr: `le la les un une des de du au aux et est sont que qui quoi pour avec dans sur par pas ne je j tu il elle nous vous ils
    elles on mon ma mes ton ta votre vos leur ce cette ces bonjour bonsoir salut merci oui non plaît combien coûte coûtent prix
    rendez demain aujourd hui ouvert ouverte fermé fermée heure heures quand où comment pourquoi avez avoir être suis êtes c'est
    ça très bien beaucoup voudrais veux peux pouvez pourriez faire fait j'ai qu'il d'un l'heure n'est svp stp semaine lundi mardi
    mercredi jeudi vendredi samedi dimanche matin soir après midi commande livraison remboursement carte compte magasin cheveux
    coupe ongles réserver annuler déjà encore aussi mais ou donc alors madame monsieur`,
  es: `el la los las un una unos unas de del al y o que en por para con no sí es son soy eres estoy está están estamos hay hola
    gracias buenos buenas días tardes noches cuánto cuesta cuestan precio precios cita mañana hoy abierto abierta cerrado horario
    horarios quiero quisiera puedo puede pueden podría tienen tiene tengo como cómo dónde cuándo qué muy bien favor vale adiós
    hasta luego semana lunes martes miércoles jueves viernes sábado domingo pedido envío reembolso tarjeta cuenta tienda pelo
    corte uñas reservar cancelar ya también pero entonces mi mis tu su nuestro usted ustedes señora señor`,
};

/** Running text for the trigram profiles, besides the words above. */
export const SAMPLE_TEXT: Readonly<Record<ProfileLanguage, string>> = {
  it: `Buongiorno, volevo sapere se è possibile cambiare l'orario della mia prenotazione. Ho ricevuto la vostra email ma non
    trovo il codice dell'ordine. La consegna era prevista per ieri pomeriggio e il corriere non si è visto. Mi potete richiamare
    quando avete un attimo? Siamo in due e vorremmo fare un trattamento insieme, magari nel fine settimana. La carta è stata
    bloccata dopo il pagamento e adesso non riesco a fare il bonifico. Grazie mille per la disponibilità, siete stati gentilissimi.
    Quanto tempo ci vuole per il rimborso? Il prodotto è arrivato rotto, la scatola era tutta schiacciata. Vorrei parlare con
    qualcuno del servizio clienti, perché nessuno mi risponde al telefono. Avete ancora posto giovedì alle cinque?`,
  de: `Guten Morgen, ich wollte fragen, ob ich meinen Termin am Donnerstag verschieben kann. Die Bestellung ist immer noch nicht
    angekommen, obwohl die Sendungsverfolgung seit einer Woche zugestellt anzeigt. Könnten Sie mich bitte zurückrufen? Meine
    Karte wurde gesperrt und ich komme nicht an mein Geld. Wie lange dauert eine Rückerstattung ungefähr? Wir möchten zu zweit
    kommen, am liebsten am Samstagvormittag. Das Paket war beschädigt und ein Teil fehlt. Vielen Dank für die schnelle Antwort,
    das hat mir sehr geholfen. Ich würde gerne mit einem Mitarbeiter sprechen, weil am Telefon niemand abnimmt. Habt ihr
    nächste Woche noch etwas frei? Schöne Grüße und bis bald.`,
  en: `Good morning, I was wondering if I could move my booking to a later time. I got your email but I can't find the order
    number anywhere. The parcel was supposed to arrive yesterday afternoon and the courier never showed up. Could you call me
    back when you have a minute? There are two of us and we'd like to come in together, maybe over the weekend. My card got
    blocked after the payment and now I can't make the transfer. Thanks so much for your help, you've been really kind. How long
    does the refund usually take? The item arrived broken and the box was completely crushed. I'd like to speak to someone from
    customer service because nobody picks up the phone. Do you still have a slot on Thursday at five?`,
  fr: `Bonjour, je voudrais savoir si je peux changer l'heure de mon rendez-vous. J'ai reçu votre message mais je ne trouve pas
    le numéro de commande. Le colis devait arriver hier et le livreur n'est jamais venu. Pourriez-vous me rappeler quand vous
    avez un moment? Ma carte a été bloquée après le paiement. Merci beaucoup pour votre aide, vous avez été très gentils.`,
  es: `Buenos días, quería saber si puedo cambiar la hora de mi cita. He recibido su correo pero no encuentro el número del
    pedido. El paquete tenía que llegar ayer por la tarde y el repartidor nunca vino. ¿Me pueden llamar cuando tengan un momento?
    Mi tarjeta fue bloqueada después del pago. Muchas gracias por su ayuda, han sido muy amables.`,
};

/** Words that say nothing about the language: chat interjections and loanwords every language uses. */
export const NEUTRAL_WORDS = `ok okay k kk super top wow info lol xd mega hey sorry pizza manicure pedicure gel shampoo spa wellness
  email mail online whatsapp sms iban pin paypal app link web www http https com net bar`;
