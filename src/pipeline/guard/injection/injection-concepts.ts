/**
 * Concept words for the injection model: the prepared text (injection-text.ts) is scanned
 * for a few kinds of words an injection is made of — a verb that sets aside, what the
 * assistant was given, "from now on", a persona, a writing job, … — in Italian, German and
 * English, and one made-up word per kind found ("qqsetaside", "qqsetup", …) is added after
 * the text. The model then learns "set aside + instructions" once for all three languages
 * and for every synonym in the lists, instead of n-gram by n-gram: an Italian attack worded
 * in a way nobody wrote before still shares its concept words with the English and German
 * rows (docs/decisions/0008-injection-rail.md, round 2).
 *
 * The words are deliberately broad (a customer also "forgets" and "writes"): the concept
 * words are features with learned weights, not rules, and the customer's own things
 * ("my order", "I wrote") have their own concept word, which pulls the other way.
 */

/** Kinds of words, each a regular expression over the prepared text (folded, single spaces). */
const CONCEPTS: readonly (readonly [string, RegExp])[] = [
  [
    'qqsetaside',
    /\b(?:ignor[a-z]*|disregard[a-z]*|forget|forgets|forgetting|neglect|overlook|overrid[a-z]*|overwrit[a-z]*|overrul[a-z]*|bypass[a-z]*|circumvent|discard|dismiss|abandon|put aside|set aside|leave behind|never mind|pay no attention|dimentic[a-z]*|scord[a-z]*|trascur[a-z]*|tralasci[a-z]*|lascia (?:perdere|stare)|lasciate (?:perdere|stare)|sovrascriv[a-z]*|aggir[a-z]*|metti da parte|non (?:tenere|tener|tenete) conto|non badare|fregatene|infischiatene|vergiss|vergesst|vergessen|missacht[a-z]*|uberschreib[a-z]*|ubergeh[a-z]*|umgeh[a-z]*|beiseite|hinter (?:dir|sich|euch) lassen|verwirf|ausser acht)\b/,
  ],
  [
    'qqrules',
    /\b(?:instruction[a-z]*|directive[a-z]*|guideline[a-z]*|rules|rulebook|polic(?:y|ies)|programming|restriction[a-z]*|constraint[a-z]*|guardrails?|istruzion[a-z]*|direttiv[a-z]*|indicazion[a-z]*|regol[ae]|regolamento|linee guida|consegne|restrizion[a-z]*|vincol[a-z]*|anweisung[a-z]*|richtlinie[a-z]*|vorgabe[a-z]*|regeln|regelwerk|instruktion[a-z]*|hinweise|einschrankung[a-z]*|direktive[a-z]*)\b/,
  ],
  [
    'qqsetup',
    /\b(?:system|systems|prompt[a-z]*|configur[a-z]*|set you up|setup|initial settings|sistema|impostazion[a-z]*|programmat[oa]|konfigur[a-z]*|eingerichtet|einstellung[a-z]*|grundeinstellung[a-z]*|programmiert)\b/,
  ],
  [
    'qqprior',
    /\b(?:previous|previously|prior|earlier|above|preceding|so far|until now|up to now|initial|original|precedent[a-z]*|prima|sopra|finora|iniziali|originali|ricevut[a-z]*|bisherig[a-z]*|vorherig[a-z]*|obig[a-z]*|oben|vorhin|davor|zuvor|bisher|ursprunglich[a-z]*|anfang[a-z]*)\b/,
  ],
  [
    'qqfromnow',
    /\b(?:from now on|from here on|starting now|henceforth|from this (?:moment|point)|d ora in (?:poi|avanti)|da ora in (?:poi|avanti)|da adesso|da qui in (?:poi|avanti)|da questo momento|da oggi in poi|ab sofort|ab jetzt|von nun an|ab hier|ab heute|ab diesem)\b/,
  ],
  ['qqnow', /\b(?:now|ora|adesso|jetzt|nun)\b/],
  [
    'qqpersona',
    /\b(?:you are|you re|act as|act like|acting as|pretend[a-z]*|role ?play[a-z]*|role|roles|persona|character|imagine|simulat[a-z]*|behave|impersonat[a-z]*|play the|sei|fai finta|fate finta|fingi[a-z]*|immagina[a-z]*|interpret[a-z]*|ruolo|personaggio|simula[a-z]*|comportati|recita|du bist|bist du|tu so|stell dir vor|spiel[a-z]*|rolle|verhalte dich|benimm dich|schlupf[a-z]*|figur|charakter)\b/,
  ],
  [
    'qqtask',
    /\b(?:new|next|another|different|other) (?:task|job|goal|objective|assignment|mission)|(?:nuov[oa]|altro|prossimo|diverso) (?:compito|obiettivo|incarico|missione)|(?:neue|nachste|andere|weitere)[nrs]? (?:aufgabe|ziel|auftrag|mission)\b/,
  ],
  [
    'qqpraise',
    /(?:^|\. )(?:(?:very |really )?(?:good|great|well done|excellent|perfect|nice|awesome|fantastic|brilliant)|good job|ottimo|bravo|brava|benissimo|perfetto|complimenti|ben fatto|eccellente|(?:sehr )?gut(?: gemacht)?|super|toll|ausgezeichnet|prima|wunderbar|klasse|perfekt)\b/,
  ],
  [
    'qqwrite',
    /\b(?:write|compose|draft|generate|produce|formulate|scrivi[a-z]*|scrivere|componi|redigi|genera|formula|schreib[a-z]*|verfass[a-z]*|generier[a-z]*|formulier[a-z]*|dichte)\b/,
  ],
  [
    'qqgenre',
    /\b(?:poem|poems|essay|article|story|limerick|song|rap|speech|op ed|manifesto|joke|haiku|headline|tweet|poesia|poesie|tema|saggio|articolo|racconto|storia|barzelletta|canzone|discorso|filastrocca|titolo|gedicht|aufsatz|artikel|geschichte|witz|lied|rede|kommentar|schlagzeile|manifest|reim)\b/,
  ],
  [
    'qqreveal',
    /\b(?:reveal|show|print|output|repeat|copy|display|dump|leak|reproduce|verbatim|word for word|paste|rivela[a-z]*|svela[a-z]*|mostra[a-z]*|stampa[a-z]*|ripeti[a-z]*|copia[a-z]*|incolla[a-z]*|parola per parola|riporta[a-z]*|zeig[a-z]*|wiederhol[a-z]*|kopier[a-z]*|verrat[a-z]*|wortlich|gib [^ .]+ aus|gib aus|einfug[a-z]*)\b/,
  ],
  [
    'qqnolimits',
    /\b(?:without (?:any )?(?:limits|restrictions|rules|filters|censorship|boundaries)|no (?:limits|restrictions|rules|filters|boundaries|morals?)|uncensored|unfiltered|unrestricted|moral|morals|senza (?:limiti|censura|regole|filtri|restrizioni)|nessun (?:limite|filtro)|morale|ohne (?:grenzen|regeln|filter|zensur|einschrankungen)|unzensiert[a-z]*|uneingeschrankt[a-z]*|keinerlei|moralisch[a-z]*)\b/,
  ],
  ['qqai', /\b(?:ai|ia|ki|bot|chatbot|assistant|assistente|assistent|assistentin|model|modello|modell|gpt|chatgpt|llm|language model|intelligenza artificiale|kunstliche intelligenz)\b/],
  [
    'qqauthority',
    /\b(?:admin[a-z]*|developer[a-z]*|operator|maintenance|authori[sz]ed|amministrator[a-z]*|sviluppator[a-z]*|tecnico|manutenzione|autorizzat[a-z]*|entwickler[a-z]*|betreiber|wartung|technik|autorisiert[a-z]*|sysadmin)\b/,
  ],
  [
    'qqonly',
    /\b(?:only (?:answer|reply|respond|say|with)|answer only|reply only|respond only|(?:rispondi|rispondere|di|dire) solo|solo con|nur (?:mit|antworten)|antworte nur|sag nur|always (?:answer|reply|say|respond)|rispondi sempre|antworte immer)\b/,
  ],
  [
    'qqdeclare',
    /\b(?:state that|claim that|declare|confirm that|admit that|dichiara|afferma|sostieni|ammetti|conferma che|behaupte[a-z]*|bestatige[a-z]*|erklare[a-z]*|gib zu)\b/,
  ],
  [
    'qqothers',
    /\b(?:other (?:customers?|clients?|guests?|members?|people s?)|another (?:customer|client|guest|member) s?|someone else s?|somebody else s?|all (?:the |your )?(?:customers|clients|guests|members|users)|altr[oi] client[ei]|altr[ei] (?:persone|ospiti|soci)|di un altr[oa]|di qualcun altro|tutti i (?:clienti|soci|ospiti|utenti)|andere[nr]? (?:kunden|kundinnen|gaste|mitglieder|leute)|eines anderen|einer anderen|von jemand(?:em)? anderem|alle[nr]? (?:kunden|kundinnen|gaste|mitglieder|nutzer)|database|datenbank|export)\b/,
  ],
  [
    'qqhack',
    /\b(?:hack|hacks|hacking|hacked|hacker|hackers|hackera[a-z]*|crack|cracks|cracking|cracked|cracca[a-z]*|clon[a-z]*|klon[a-z]*|intercept[a-z]*|intercett[a-z]*|abfang[a-z]*|malware|phishing|spoof[a-z]*|exploit[a-z]*|keylogger|skimm[a-z]*|steal|rubare|ruba|klauen|klaut|klau|stehl[a-z]*|fake|fals[oaie]|gefalscht[a-z]*|break into|entrare nel(?:l)? (?:account|conto)|einbrech[a-z]*|reinkomm[a-z]*)\b/,
  ],
  [
    'qqinternal',
    /\b(?:internal|intern[oaie]|interne[nrs]?|confidential|riservat[a-z]*|vertraulich[a-z]*|secret[a-z]*|segret[a-z]*|geheim[a-z]*|hidden|nascost[a-z]*|versteckt[a-z]*|employees?|dipendent[ei]|mitarbeiter[a-z]*|master)\b/,
  ],
  [
    'qqtools',
    /\b(?:tools?|functions?|plugins?|apis?|endpoints?|parameters?|arguments|scopes|parametri|strumenti|funzion[ei]|werkzeug[a-z]*|funktion|funktionen|schnittstelle[n]?|json|debug[a-z]*|config)\b/,
  ],
  [
    'qqnocheck',
    /\b(?:without (?:any )?(?:checks?|checking|verification|verifying)|no questions asked|skip (?:the )?(?:verification|checks?|id)|senza (?:verific[a-z]*|controll[a-z]*)|saltare la verifica|salta la verifica|ohne (?:prufung|kontrolle|verifizierung|nachweis|nachfrage)|entfallen|uberspring[a-z]*)\b/,
  ],
  [
    'qqdecode',
    /\b(?:backwards|reversed?|al contrario|rovescio|ruckwarts|rot13|rot 13|base64|base 64|hex[a-z]*|esadecimale|decod[a-z]*|decifr[a-z]*|entschlussel[a-z]*|dekodier[a-z]*|execute|esegui[a-z]*|ausfuhr[a-z]*|obey|obbedisci|gehorch[a-z]*|befolg[a-z]*|follow it)\b/,
  ],
  [
    'qqmine',
    /\b(?:my|mine|i (?:said|wrote|sent|asked|meant|typed)|mio|mia|miei|mie|ti ho|vi ho|ho scritto|mein|meine|meinen|meinem|meiner|ich (?:habe|hab))\b/,
  ],
  [
    'qqbusiness',
    /\b(?:order|orders|appointment|booking|delivery|invoice|receipt|refund|return|payment|card|account|password|pin|price|ordine|appuntamento|prenotazione|consegna|fattura|scontrino|rimborso|reso|pagamento|carta|prezzo|bestellung|termin|buchung|lieferung|rechnung|quittung|erstattung|ruckgabe|zahlung|karte|konto|preis)\b/,
  ],
];

/** The concept words of a prepared text, space-separated, in a fixed order ('' when none). */
export function conceptWords(prepared: string): string {
  // the model's input and its gate both ask for the same message in a row
  if (prepared === lastText) return lastWords;
  let out = '';
  for (const [word, pattern] of CONCEPTS) if (pattern.test(prepared)) out += out === '' ? word : ` ${word}`;
  lastText = prepared;
  lastWords = out;
  return out;
}

let lastText = '';
let lastWords = '';
