# Stempel, čeština.

## Shell
mails-waiting = { $count ->
    [one] 1 e-mail čeká
    [few] { $count } e-maily čekají
   *[other] { $count } e-mailů čeká
}
send-all = Odeslat vše
send-all-hint = Odeslat teď všechny e-maily ze zásobníku (Ctrl+Shift+S)
sending-progress = odesláno { $done } z { $total }
check-now = Zkontrolovat
check-now-hint = Vyhledat ve schránce zprávy o doručení, vrácené e-maily a potvrzení o přečtení
bounces-checking = Kontrola zpráv…
bounces-not-checked = Zprávy zatím nezkontrolovány
bounces-checked = Zprávy zkontrolovány { $time }
bounces-check-failed = ⚠ kontrola selhala u { $accounts }
new-mail = ✉ Nový e-mail
new-mail-hint = Napsat nový e-mail (Ctrl+N)
nav-emails = E-maily
nav-accounts = Účty
nav-settings = Nastavení
folder-buffer = Zásobník
folder-sent = Odeslané
folder-failed = Neúspěšné
folder-drafts = Koncepty
sender-not-running = Odesílání neběží; spusťte Stempel znovu.
toast-send-failed = E-mail „{ $subject }“ pro { $to } nebyl odeslán: { $why }
toast-sent = { $count ->
    [one] Odeslán 1 e-mail
    [few] Odeslány { $count } e-maily
   *[other] Odesláno { $count } e-mailů
}
toast-reports = { $count ->
    [one] Přišla 1 zpráva o doručení
    [few] Přišly { $count } zprávy o doručení
   *[other] Přišlo { $count } zpráv o doručení
}
toast-password-saved = Heslo účtu { $account } je uloženo v systémové klíčence
select-a-mail = Vyberte e-mail a uvidíte jeho obsah, potvrzení serveru a doručení
welcome-title = Vítejte ve Stempelu
welcome-text = Přidejte účet, ze kterého posíláte faktury, nebo si nejdřív vyzkoušejte celý postup na pískovišti: je to poštovní server uvnitř programu, který e-maily přijímá a nikam je nedoručuje.
welcome-add-account = Přidat účet
welcome-try-sandbox = Vyzkoušet pískoviště
resend-title = { $count ->
    [one] Odeslat tento e-mail znovu?
    [few] Odeslat znovu { $count } e-maily?
   *[other] Odeslat znovu { $count } e-mailů?
}
resend-warning = Tento e-mail už mohl k zákazníkovi dorazit: jeho server ho mohl přijmout dřív, než se spojení přerušilo. Opětovné odeslání ho může doručit dvakrát.
resend-confirm = Odeslat znovu
delete-title = { $count ->
    [one] Smazat tento e-mail?
    [few] Smazat { $count } e-maily?
   *[other] Smazat { $count } e-mailů?
}
delete-warning = Jeho text, přílohy a záznam pokusů o odeslání budou ze Stempelu odstraněny. Nelze to vrátit.
cancel = Zrušit

## Lists
search = Hledat
search-hint = příjemce, odesílatel nebo předmět
date-from = Od
date-to = do
date-invalid = Data se zapisují jako RRRR-MM-DD
checked-count = označeno { $count }
send-checked = Odeslat označené
delete-checked = Smazat označené
resend-checked = Odeslat označené znovu
resend-hint = Vrátit e-mail do zásobníku a odeslat ho znovu
refresh = Obnovit
list-empty = Nic tu není
check-row = Označte, chcete-li pracovat s více e-maily najednou
check-mail = Označit { $subject }
sort-hint = Řadit podle tohoto sloupce
col-date = Datum
col-to = Komu
col-subject = Předmět
col-queue-id = ID ve frontě
col-delivery = Doručení
col-recipient = Příjemce
col-state = Stav
col-status = Kód
col-details = Podrobnosti
chart-sent = Odeslané
chart-delivered = Doručené
chart-problems = Vrácené
state-draft = Koncept
state-queued = Čeká v zásobníku
state-sending = Odesílá se
state-sent = Odeslán
state-failed = Neúspěšný
state-uncertain = Nejistý: spojení se přerušilo, než server odpověděl
delivery-pending = Zatím neodeslán
delivery-accepted = Přijat serverem
delivery-rejected = Odmítnut serverem
delivery-delivered = Doručen
delivery-relayed = Předán dál
delivery-delayed = Zpožděn
delivery-bounced = Vrácen
delivery-read = Přečten

## The mail
tab-message = Zpráva
tab-sent = Odeslání
tab-delivery = Doručení
delete = Smazat
edit = Upravit
edit-queued-hint = Po dobu úprav je e-mail vyjmut ze zásobníku
send-now = Odeslat hned
resend = Odeslat znovu
edit-and-resend = Upravit a odeslat znovu
edit-and-resend-hint = Otevře nový e-mail se stejnými příjemci, textem a přílohami; tento zůstane se svým záznamem, dokud ho nesmažete
field-account = Účet
field-from = Od
field-to = Komu
field-cc = Kopie
field-bcc = Skrytá kopie
field-reply-to = Odpovědět na
field-subject = Předmět
field-state = Stav
field-created = Vytvořeno
field-size = Velikost
field-requested = Vyžádáno
field-attachment = Příloha
field-date = Datum
field-server = Server
field-duration = Trvání
field-reply = Odpověď
field-meaning = Význam
field-queue-id = ID ve frontě
field-status = Stav
field-attempts = Pokusy
field-next-attempt = Další pokus
list-retry-at = Další pokus { $time }
retry-while-open = Stempel ho pak odešle sám, pokud bude toto okno otevřené. Když je okno zavřené, e-mail počká, až Stempel znovu otevřete nebo až se spustí `stempel send`.
date-hint = RRRR-MM-DD
field-error = Chyba
field-what-happened = Co se stalo
field-what-to-do = Co dělat
field-body = Text
asked-delivery = oznámení o doručení
asked-read = potvrzení o přečtení
not-sent-yet = Zatím neodeslán
not-encrypted = nešifrováno
duration-ms = { $ms } ms
outcome-sent = Odeslán: server převzal odpovědnost za e-mail
outcome-deferred = Odložen: Stempel to zkusí později znovu
outcome-failed = Neúspěšný
outcome-uncertain = Nejistý: server možná e-mail má
sandbox-receipt = Potvrzení z pískoviště: tento e-mail šel na vestavěný testovací server programu a nebyl nikam doručen.
proof = Důkaz
proof-stage-1 = Fáze 1: váš poštovní server e-mail převzal (identifikátor { $queue_id })
proof-stage-1-means = Dokazuje to, že váš server e-mail přijal; neukazuje to, že ho má server příjemce.
proof-stage-2 = Fáze 2: server příjemce e-mail převzal ({ $server }, { $when })
proof-stage-2-means = Dokazuje to, že strana příjemce e-mail přijala; neukazuje to, že byl přečten.
proof-stage-2-waiting = Fáze 2: zatím žádná zpráva o doručení; přijde, až server příjemce e-mail převezme
proof-stage-2-bounced = Fáze 2 nepřijde: zpráva říká, že e-mail nešlo doručit (viz Doručení)
proof-stage-2-never = Fáze 2 nepřijde: váš poštovní server nenabízí zprávy o doručení (DSN)
proof-stage-3 = Fáze 3: příjemce e-mail otevřel ({ $when })
proof-settled = Spojení se přerušilo po odeslání e-mailu; zpráva později ukázala, že ho server měl.
transcript = Rozhovor se serverem
copy = Kopírovat
copy-hint = Zkopírovat celý rozhovor
timeline = Průběh
timeline-accepted = Server e-mail přijal (ID ve frontě { $queue_id })
no-reports = Zatím žádné zprávy o doručení
no-reports-sandbox = Žádná zpráva nepřijde: pískoviště nic nedoručuje.
no-reports-refused = Žádná zpráva nepřijde: server e-mail odmítl, takže nikam nedošel.
no-reports-unsent = Zprávy přicházejí po odeslání e-mailu.
event-details = Zpráva: { $kind }, spárováno podle { $matched }
raw-report = Zpráva tak, jak přišla:

## Compose
compose-title = Nový e-mail
compose-edit-title = Úprava e-mailu
compose-no-account = Nejdřív přidejte účet (Účty v nabídce vlevo).
to-hint = klient@example.com, dalsi@example.com
invalid-addresses = Neplatná adresa: { $addresses }
attachments = Přílohy
add-files = Přidat soubory…
compose-no-attachment = Text zmiňuje fakturu, ale nic není přiloženo. Přidejte soubor tlačítkem „Přidat soubory…“, nebo stiskněte totéž tlačítko znovu a pokračujte bez něj.
picker-title = Přidat soubory
picker-add = { $count ->
    [one] Přidat 1 soubor
    [few] Přidat { $count } soubory
   *[other] Přidat { $count } souborů
}
picker-up = ⬆ Nahoru
picker-home = Domovská složka
picker-documents = Dokumenty
picker-downloads = Stažené
picker-desktop = Plocha
picker-folder = Složka
picker-unreadable = Tuto složku nelze přečíst: { $reason }
picker-empty = Tato složka je prázdná.
drop-files-hint = nebo přetáhněte soubory do okna
remove = Odebrat
attachment-missing = Soubor { $name } nelze najít
request-delivery = Vyžádat oznámení o doručení
request-delivery-hint = Server příjemce ohlásí, kdy e-mail dorazil do schránky (pokud oznámení o doručení podporuje)
request-read = Vyžádat potvrzení o přečtení
request-read-hint = Poštovní program zákazníka ho může požádat o potvrzení, že e-mail přečetl
save-draft = Uložit koncept
put-in-buffer = Do zásobníku
put-in-buffer-hint = Uložit e-mail připravený k odeslání; „Odeslat vše“ ho odešle
sandbox-example-subject = Faktura FV/2026/11/001
sandbox-example-body = Dobrý den,

    v příloze zasílám fakturu za služby poskytnuté v listopadu.

    S pozdravem
error-invalid-address = „{ $address }“ není platná e-mailová adresa
error-header-injection = Pole { $field } obsahuje konec řádku, který není dovolen
error-no-recipients = E-mail potřebuje aspoň jednoho příjemce
error-attachment = Přílohu { $path } nelze přečíst: { $reason }
error-attachment-not-file = Příloha { $path } není soubor
error-choose-account = Vyberte účet, ze kterého chcete odeslat

## Accounts
accounts-title = Účty
account-add = Přidat účet
account-add-sandbox = Přidat účet pískoviště
account-sandbox-hint = Testovací server uvnitř programu: přijímá e-maily s potvrzením a nikam je nedoručuje
account-test = Vyzkoušet spojení
account-test-hint = Připojit, zašifrovat, přihlásit a odpojit se a ukázat celý rozhovor
account-testing = Zkouším účet { $account }…
account-test-ok = Účet { $account } funguje: připojeno, zašifrováno a přihlášeno
account-test-failed = Účet { $account } nefunguje: { $meaning }
account-remove = Odstranit
account-remove-title = Odstranit účet { $account }?
account-remove-warning = Jeho nastavení a uložené heslo budou odstraněna. E-maily z něj odeslané zůstávají v Odeslaných s důkazy; e-maily čekající v zásobníku nebo v konceptech jeho odstranění brání.
keychain-failed-session = Klíčenka heslo účtu { $account } neuložila. Je uschované jen pro tuto relaci: aby vydrželo nové spuštění, zadejte příkaz, který ho vypíše.
account-new-title = Nový účet
account-edit-title = Úprava účtu
account-preset = Poskytovatel
account-preset-none = Jiný (zadejte servery)
account-name = Název
account-from = Odesílatel (Jméno <adresa>)
account-smtp = Odesílání (SMTP)
account-imap = Zprávy (IMAP)
account-imap-hint = volitelné: sem chodí vrácené e-maily a potvrzení o přečtení
account-host = Server { $protocol }
account-port = Port { $protocol }
account-security = Zabezpečení { $protocol }
account-user = Uživatel { $protocol }
account-login = Přihlášení
login-password = Heslo
login-xoauth2 = Token OAuth 2.0 (XOAUTH2)
login-xoauth2-hint = Pro Gmail a Microsoft 365 bez hesel: příkaz pro heslo účtu vypíše aktuální přístupový token (například z oama nebo mailctl)
account-password = Heslo
account-password-hint = uloží se tam, kde je zvoleno výše
account-password-keep = Uložení hesla
keep-keychain = V klíčence
keep-command = Z příkazu
keep-command-hint = Příkaz, který vypíše heslo, spouštěný při každém přihlášení (třeba správce hesel)
keep-session = Jen pro tuto relaci
keep-session-hint = Drží se v paměti, dokud se okno nezavře; po novém spuštění se Stempel zeptá znovu
keychain-unavailable = Tento počítač nemá klíčenku, ke které má Stempel přístup, takže heslo tam uložit nelze. Zadejte příkaz, který ho vypíše, nebo si ho nechte jen pro tuto relaci.
account-password-command = Příkaz pro heslo
password-by-command = Heslo z příkazu
password-this-session = Heslo pro tuto relaci
password-in-keychain = Heslo v klíčence
password-missing = Chybí heslo
security-starttls = STARTTLS (port 587)
security-tls = TLS (port 465 / 993)
security-none = Žádné (jen místní předávací server)
save = Uložit
error-account-name = Účet potřebuje název
error-port = „{ $port }“ není číslo portu
error-smtp-host = Účet potřebuje server SMTP
error-password-command = Zadejte příkaz, který vypíše heslo

## Settings
settings-title = Nastavení
settings-language = Jazyk
settings-language-system = Podle systému
settings-theme = Vzhled
theme-system = Podle systému
theme-light = Světlý
theme-dark = Tmavý
settings-scan-interval = Kontrolovat zprávy každých
settings-data-folder = Složka s daty
settings-settings-file = Soubor s nastavením
settings-interval-note = Nový interval platí od příštího spuštění.

## Command line
cli-nothing-to-send = není co odeslat
cli-mail-sent = e-mail { $id } odeslán, ID ve frontě { $queue_id }
cli-mail-deferred = e-mail { $id } odložen do { $time }: { $why }
cli-mail-failed = e-mail { $id } neúspěšný: { $why }
cli-mail-uncertain = e-mail { $id } nejistý: { $why }
cli-send-summary = odesláno: { $sent }, odloženo: { $deferred }, neúspěšné: { $failed }, nejisté: { $uncertain }
cli-queue-id = ID ve frontě: { $queue_id }
cli-what-to-do = co dělat: { $advice }
cli-account-added = účet { $account } přidán
cli-set-password = uložte jeho heslo příkazem: { $command }
notice-tightened = { $path } mohli číst i další uživatelé tohoto počítače; teď k tomu máte přístup jen vy.
cli-sandbox-needs-window = { $count ->
    [one] 1 e-mail je pro pískoviště, které běží jen při otevřeném okně Stempelu: odešlete ho z okna.
    [few] { $count } e-maily jsou pro pískoviště, které běží jen při otevřeném okně Stempelu: odešlete je z okna.
   *[other] { $count } e-mailů je pro pískoviště, které běží jen při otevřeném okně Stempelu: odešlete je z okna.
}
cli-attempt = Pokus { $n }, { $time }
account-removed = Účet „{ $account }“ odstraněn.
account-removed-kept = Účet „{ $account }“ odstraněn; jeho odeslané e-maily a jejich důkazy zůstávají v Odeslaných.
cli-password-not-removed = heslo se z klíčenky nepodařilo odstranit: { $reason }
cli-scan-summary = { $account }: složky: { $folders }, stažené e-maily: { $fetched }, zprávy: { $reports }, změny: { $changes }
cli-no-imap = žádný účet nemá nastavení IMAP
cli-no-window = tento stempel je sestaven bez okna; zadejte příkaz (viz --help)
cli-not-a-reply = „{ $reply }“ není odpověď SMTP (nezačíná kódem)
cli-account-name = název účtu musí být neprázdný text
cli-no-preset = nastavení „{ $preset }“ neexistuje; viz `stempel account presets`
cli-smtp-settings = zadejte --smtp-host, --smtp-port a --smtp-security, nebo --preset
cli-unknown-security = neznámé zabezpečení „{ $security }“
cli-no-ca-file = soubor CA { $path } neexistuje
cli-body-file = soubor s textem { $path } nelze přečíst: { $reason }
cli-no-body = zadejte --body nebo --body-file
cli-no-imap-settings = účet „{ $account }“ nemá nastavení IMAP (přidejte --imap-host a další)

## The store's refusals
store-newer-schema = databázi zapsal novější Stempel (verze schématu { $found }, tato verze zná nejvýš { $known }); aktualizujte Stempel, abyste ji otevřeli
store-illegal-transition = e-mail { $id } nemůže přejít ze stavu { $from } do { $to }
store-no-such-message = e-mail s číslem { $id } neexistuje
store-no-such-account = účet „{ $account }“ neexistuje
store-account-exists = účet „{ $account }“ už existuje
store-account-in-use = { $count ->
    [one] účet „{ $account }“ má ještě 1 e-mail v zásobníku nebo v konceptech; nejdřív ho odešlete nebo smažte
    [few] účet „{ $account }“ má ještě { $count } e-maily v zásobníku nebo v konceptech; nejdřív je odešlete nebo smažte
   *[other] účet „{ $account }“ má ještě { $count } e-mailů v zásobníku nebo v konceptech; nejdřív je odešlete nebo smažte
}
store-not-deletable = e-mail { $id } je ve stavu { $state } a nelze ho smazat (jen koncepty, e-maily v zásobníku a neúspěšné)

## Explanations of server replies and failures
smtp-app-password = server chce heslo aplikace, ne běžné heslo účtu
smtp-app-password-advice = vytvořte heslo aplikace v nastavení zabezpečení účtu (u Gmailu: Účet Google, Zabezpečení, Hesla aplikací) a uložte ho k účtu
smtp-auth-policy = server příjemce e-mail odmítl, protože doména odesílatele neprošla kontrolou SPF, DKIM nebo DMARC
smtp-auth-policy-advice = požádejte správce své domény, aby zveřejnil záznamy SPF a DKIM pro server, přes který posíláte
smtp-accepted = server e-mail přijal
smtp-accepted-advice = není třeba nic dělat; mohou přijít zprávy o doručení
smtp-rate-limited = server omezuje, jak rychle od vás přijímá poštu
smtp-rate-limited-advice = Stempel to později zkusí sám znovu; pokud se to opakuje, posílejte méně e-mailů najednou
smtp-421 = server teď není dostupný a ukončil spojení
smtp-421-advice = Stempel to později zkusí sám znovu
smtp-450 = schránka příjemce je dočasně nedostupná (obsazená, nebo server zdržuje nové odesílatele)
smtp-450-advice = Stempel to později zkusí sám znovu
smtp-greylisted = server zdržuje poštu od odesílatelů, které ještě nezná (greylisting), nebo ji kontroluje na spam
smtp-greylisted-advice = Stempel to později zkusí sám znovu; obvykle e-mail projde do hodiny
smtp-451 = server měl při zpracování e-mailu dočasný problém
smtp-451-advice = Stempel to později zkusí sám znovu
smtp-452 = server má málo místa nebo dostal najednou příliš mnoho příjemců
smtp-452-advice = Stempel to později zkusí sám znovu; pomůže méně příjemců v jednom e-mailu
smtp-454 = server teď nemohl spustit šifrování ani ověřit přihlášení
smtp-454-advice = Stempel to později zkusí sám znovu
smtp-500 = server nerozuměl příkazu
smtp-500-advice = zkontrolujte server a port účtu; často to znamená, že odpověděla služba, která není poštovním serverem
smtp-501 = server odmítl tvar příkazu, často kvůli chybné adrese
smtp-501-advice = zkontrolujte adresy odesílatele a příjemců
smtp-502 = server nepodporuje příkaz, který Stempel potřebuje
smtp-502-advice = zkontrolujte server a port účtu
smtp-503 = server očekával příkazy v jiném pořadí, často proto, že chce nejdřív přihlášení
smtp-503-advice = zkontrolujte, že účet má uživatelské jméno a heslo
smtp-504 = server nepodporuje parametr, který Stempel poslal
smtp-504-advice = zkontrolujte server a port účtu
smtp-530 = server vyžaduje přihlášení nebo šifrování, než poštu přijme
smtp-530-advice = zadejte u účtu uživatelské jméno a heslo a použijte STARTTLS nebo TLS
smtp-534 = server chce silnější způsob přihlášení nebo heslo aplikace
smtp-534-advice = vytvořte pro Stempel heslo aplikace v nastavení zabezpečení poštovního účtu
smtp-535 = server odmítl heslo; Gmail potřebuje heslo aplikace
smtp-535-advice = zkontrolujte uživatelské jméno a uložte správné heslo (heslo aplikace pro Gmail, Microsoft 365 s MFA, Seznam, WP)
smtp-token-refused = server odmítl token OAuth 2.0: mohl vypršet, nebo nemá oprávnění k poště
smtp-token-refused-advice = zkontrolujte příkaz pro heslo účtu: musí vypsat aktuální přístupový token pro tuto adresu s oprávněním k poště
smtp-user-unknown = adresa příjemce neexistuje
smtp-user-unknown-advice = zkontrolujte, zda v adrese není překlep, nebo požádejte zákazníka o správnou adresu
smtp-domain-unknown = doména příjemce neexistuje nebo nepřijímá poštu
smtp-domain-unknown-advice = zkontrolujte část adresy za znakem @
smtp-mailbox-full = schránka příjemce je plná
smtp-mailbox-full-advice = dejte zákazníkovi vědět jinou cestou, nebo to zkuste za pár dní
smtp-too-big = e-mail je větší, než server přijímá
smtp-too-big-advice = zmenšete přílohy nebo je pošlete zvlášť
smtp-policy = server e-mail odmítl podle svých pravidel: předávání není dovoleno, odesílatel nemá oprávnění, nebo jde o podezření na spam
smtp-policy-advice = zkontrolujte, že adresa odesílatele patří k účtu, ze kterého posíláte
smtp-550 = server odmítl e-mail pro tuto schránku
smtp-550-advice = přečtěte si odpověď serveru v záznamu rozhovoru; nejčastěji je chybná adresa
smtp-551 = tento server příjemce neobsluhuje
smtp-551-advice = zkontrolujte adresu příjemce
smtp-552 = e-mail překračuje místo, které server dovoluje (je příliš velký, nebo je schránka plná)
smtp-552-advice = zmenšete přílohy, nebo to zkuste později
smtp-553 = server tuto adresu nedovoluje (jako odesílatele ani jako příjemce)
smtp-553-advice = zkontrolujte, že adresa odesílatele patří k účtu a že příjemce je správně napsaný
smtp-spam = server odmítl e-mail jako spam nebo podle svých pravidel
smtp-spam-advice = zkontrolujte, co v textu a přílohách může vypadat jako spam, a nastavení domény odesílatele
smtp-554 = server e-mail odmítl
smtp-554-advice = přečtěte si odpověď serveru v záznamu rozhovoru
smtp-temporary = server e-mail zatím odmítl
smtp-temporary-advice = Stempel to později zkusí sám znovu
smtp-permanent = server e-mail odmítl
smtp-permanent-advice = přečtěte si odpověď serveru v záznamu rozhovoru
smtp-unknown-reply = server odpověděl způsobem, který Stempel nezná
smtp-unknown-reply-advice = přečtěte si odpověď serveru v záznamu rozhovoru
smtp-dns = název serveru nelze najít
smtp-dns-advice = zkontrolujte název serveru v účtu a připojení k internetu
smtp-refused = server na tomto portu odmítl spojení
smtp-refused-advice = zkontrolujte port: 587 pro STARTTLS, 465 pro TLS
smtp-connect-timeout = server na spojení neodpověděl
smtp-connect-timeout-advice = zkontrolujte název serveru, port a zda firewall neblokuje odchozí poštu
smtp-connect = Stempel se nemohl připojit k serveru
smtp-connect-advice = zkontrolujte připojení k internetu, název serveru a port
smtp-timeout = server přestal odpovídat
smtp-timeout-advice = Stempel to později zkusí sám znovu
smtp-uncertain = spojení se přerušilo po odeslání celého e-mailu a před potvrzením serverem; server ho možná má, možná ne
smtp-uncertain-advice = než e-mail odešlete znovu, zeptejte se příjemce, zda dorazil
smtp-connection-lost = spojení se serverem se přerušilo
smtp-connection-lost-advice = Stempel to později zkusí sám znovu
smtp-starttls-missing = server nenabízí šifrování (STARTTLS), takže heslo i e-mail by šly nezašifrované
smtp-starttls-missing-advice = zkontrolujte port (587 nabízí STARTTLS, 465 používá TLS od začátku); Stempel bez šifrování neposílá
smtp-auth-plaintext = spojení není šifrované, proto jím Stempel heslo nepošle
smtp-auth-plaintext-advice = zvolte pro tento účet zabezpečení STARTTLS nebo TLS
smtp-auth-not-offered = server nenabízí žádný způsob přihlášení, který Stempel umí
smtp-auth-not-offered-advice = zkontrolujte port: přihlášení se obvykle nabízí na 587 nebo 465, ne na 25
smtp-size-exceeded = e-mail je větší než limit, který server ohlásil, proto nebyl odeslán
smtp-size-exceeded-advice = zmenšete přílohy nebo je pošlete zvlášť
smtp-utf8-address = adresa má před @ znaky mimo ASCII a server je neumí přenést
smtp-utf8-address-advice = použijte pro tohoto příjemce adresu v ASCII
smtp-bad-address = adresu nelze v zadaném tvaru odeslat
smtp-bad-address-advice = zkontrolujte adresy odesílatele a příjemců
smtp-protocol = server odpověděl v rozporu s poštovním protokolem
smtp-protocol-advice = zkontrolujte server a port; Stempel to později zkusí znovu
smtp-local = Stempel nemohl zapsat odeslání do své databáze, a proto skončil předčasně
smtp-local-advice = zkontrolujte volné místo na disku; e-mail zůstává v zásobníku
tls-cert-expired = certifikát serveru vypršel
tls-cert-expired-advice = provozovatel serveru ho musí obnovit; do té doby se tam pošta neposílá
tls-cert-wrong-host = certifikát serveru patří k jinému názvu, než je v účtu
tls-cert-wrong-host-advice = použijte název serveru, který uvádí váš poskytovatel (např. smtp.gmail.com)
tls-cert-untrusted = certifikát serveru není podepsán autoritou, které tento počítač důvěřuje
tls-cert-untrusted-advice = použijte název serveru uváděný poskytovatelem, nebo zadejte u účtu soubor CA
tls-cert-invalid = certifikát serveru není platný
tls-cert-invalid-advice = zkontrolujte název serveru; Stempel posílá jen na servery, které může ověřit
tls-old-version = server nabízí jen zastaralé šifrování (starší než TLS 1.2)
tls-old-version-advice = požádejte poskytovatele o aktuální server; Stempel nepoužívá TLS starší než 1.2
tls-handshake = šifrování se serverem nešlo navázat
tls-handshake-advice = zkontrolujte port a zabezpečení (587 se STARTTLS, 465 s TLS)
secret-missing = pro tento účet není uloženo heslo
secret-missing-advice = uložte heslo tohoto účtu (Účty)
secret-empty = heslo tohoto účtu je prázdné (klíčenka ani příkaz pro heslo nic nevrátily)
secret-empty-advice = uložte heslo znovu nebo zkontrolujte příkaz pro heslo; Stempel to zkusí znovu později
secret-unavailable = heslo nešlo přečíst z klíčenky ani z příkazu pro heslo
secret-unavailable-advice = odemkněte klíčenku nebo zadejte pro účet příkaz pro heslo; Stempel to zkusí znovu později
smtp-unexpected-reply = server odpověděl způsobem, který k tomuto kroku rozhovoru nepatří
smtp-unexpected-reply-advice = zkontrolujte název serveru, port a zabezpečení účtu; Stempel to zkusí znovu později
smtp-greeting-timeout = server Stempel nepozdravil; takto mlčí port, který čeká TLS od prvního bajtu (465)
smtp-greeting-timeout-advice = zkontrolujte port a zabezpečení účtu: TLS pro port 465, STARTTLS pro 587
tls-setup = soubor CA tohoto účtu nelze použít
tls-setup-advice = zkontrolujte soubor CA zadaný u tohoto účtu

## Bounce reasons
bounce-user-unknown = adresa neexistuje
bounce-mailbox-full = schránka příjemce je plná
bounce-domain-not-found = doména příjemce neexistuje nebo nepřijímá poštu
bounce-too-large = e-mail je pro server příjemce příliš velký
bounce-spam = server příjemce považoval e-mail za spam
bounce-policy = server příjemce e-mail odmítl podle svých pravidel
bounce-suspended = schránka příjemce je vypnutá nebo pozastavená
bounce-expired = e-mail se nepodařilo doručit včas a doručování bylo vzdáno
bounce-host-unreachable = server příjemce nebyl dosažitelný
bounce-rate-limited = server příjemce omezuje, kolik pošty přijímá
bounce-delivered = e-mail byl doručen
bounce-other = e-mail se nepodařilo doručit

## Provider hints
preset-gmail = Gmail vyžaduje heslo aplikace: zapněte dvoufázové ověření, vytvořte ho v Účtu Google, Zabezpečení, Hesla aplikací, a použijte ho jako heslo tohoto účtu
preset-microsoft365 = správce musí pro tuto schránku povolit SMTP AUTH; při vícefázovém přihlášení použijte heslo aplikace
preset-outlook = při dvoufázovém ověření použijte heslo aplikace z nastavení zabezpečení účtu Microsoft
preset-seznam = povolte přístup jiných poštovních programů v nastavení schránky Seznam; při dvoufázovém přihlášení použijte heslo aplikace
preset-wp = zapněte přístup poštovních programů (IMAP/SMTP) v nastavení WP Poczta
preset-o2 = zapněte přístup poštovních programů (IMAP/SMTP) v nastavení o2 Poczta
preset-interia = v nastavení Interia Poczta zapněte přístup z poštovních programů; uživatelským jménem je celá e-mailová adresa
preset-onet = v nastavení Onet Poczta zapněte přístup pro poštovní programy (IMAP, POP3, SMTP); uživatelským jménem je celá e-mailová adresa
preset-homepl = do obou polí serveru napište název svého serveru (např. serwer123456.home.pl) ze zákaznického panelu home.pl; uživatelským jménem je celá e-mailová adresa
preset-nazwapl = do obou polí serveru napište název svého serveru (např. server123456.nazwa.pl) ze zákaznického panelu nazwa.pl; uživatelským jménem je celá e-mailová adresa
preset-centrum = uživatelským jménem je celá e-mailová adresa; při dvoufázovém přihlášení použijte heslo aplikace
preset-active24 = uživatelským jménem je celá e-mailová adresa
preset-gmx = zapněte přístup POP3/IMAP v nastavení schránky GMX (E-Mail, POP3 & IMAP)
preset-webde = zapněte přístup POP3/IMAP v nastavení schránky WEB.DE (E-Mail, POP3 & IMAP)
preset-ionos = jako uživatelské jméno použijte celou e-mailovou adresu (mimo Německo smtp.ionos.com / imap.ionos.com)

## proof.pdf, the confirmation of sending in the evidence file
pdf-title = Potvrzení o odeslání
pdf-subtitle = Vystavil Stempel { $version } dne { $when }
pdf-mail = Zpráva
pdf-from = Odesílatel
pdf-to = Komu
pdf-cc = Kopie
pdf-bcc = Skrytá kopie
pdf-subject = Předmět
pdf-message-id = Message-ID
pdf-sent = Odesláno
pdf-size = Velikost
pdf-sha256 = SHA-256 souboru message.eml
pdf-attachments = Přílohy
pdf-no-attachments = Bez příloh.
pdf-stages = Co je prokázáno
pdf-connection = Spojení s vaším poštovním serverem
pdf-server = Server
pdf-address = Adresa
pdf-tls = Šifrování
pdf-tls-none = žádné
pdf-certificate = Certifikát
pdf-cert-verified = ověřený
pdf-cert-not-verified = neověřený
pdf-fingerprint = Otisk (SHA-256)
pdf-server-reply = Odpověď serveru
pdf-queue-id = Číslo ve frontě
pdf-timestamp = Časové razítko
pdf-timestamp-line = Potvrzení ve stavu hned po odeslání (receipt-at-send.json) opatřila časovým razítkem autorita { $authority } dne { $when }.
pdf-timestamp-pending = Zatím bez časového razítka; poslední pokus selhal: { $reason }
pdf-timestamp-none = Bez časového razítka: při odeslání nebyla nastavena autorita časových razítek.
pdf-timeline = Průběh
pdf-check = Jak tento důkaz ověřit
pdf-check-intro = Tento dokument je v souboru ZIP spolu se zprávou přesně tak, jak byla odeslána (message.eml), s jejími přílohami, se zprávami o doručení tak, jak přišly, a s potvrzením (receipt.json). Rozbalte jej a v jeho složce spusťte tyto příkazy.
pdf-check-sums = Každý soubor proti jeho SHA-256:
pdf-check-stamp = Každé časové razítko, pokud ZIP obsahuje jeho soubor .tsr (CA.pem: kořenový certifikát autority časových razítek):
pdf-check-stempel = Nebo vše najednou Stempelem:
pdf-transcript = Komunikace SMTP, pokus { $n }
pdf-page = Strana { $page } z { $pages }

## stempel proof and stempel verify
cli-proof-no-fresh-stamp = důkazní soubor je zapsán bez čerstvého časového razítka nad SHA256SUMS: { $reason }
cli-verify-unreadable = nelze přečíst { $path }: { $reason }
cli-verify-not-evidence = { $path } není důkazní soubor Stempelu: { $reason }
cli-stamp-summary = časová razítka: orazítkováno { $stamped } potvrzení, { $failed } zkusíme později znovu
cli-stamp-problem = časové razítko zatím není (zkusí se později znovu): { $reason }
verify-matches = { $file }: SHA-256 odpovídá SHA256SUMS
verify-missing = { $file }: uveden v SHA256SUMS, ale chybí
verify-changed = { $file }: ZMĚNĚN, jeho SHA-256 není ten ze SHA256SUMS
verify-unlisted = { $file }: není uveden v SHA256SUMS (přidán později)
verify-differs = { $file }: neodpovídá SHA-256, které pro něj uvádí receipt.json
verify-stamped = { $file }: časové razítko platí ({ $when }, { $authority })
verify-stamp-fails = { $file }: časové razítko NEPLATÍ: { $reason }
verify-no-stamp = { $file }: v souboru není časové razítko
verify-unstamped-note = Nic neukazuje, kdy tento soubor vznikl: nemá časové razítko (nebyla nastavena autorita časových razítek).
verify-all-holds = Vše souhlasí.
verify-something-off = { $count ->
    [one] Jedna kontrola nesouhlasí.
    [few] { $count } kontroly nesouhlasí.
   *[other] { $count } kontrol nesouhlasí.
}

## The evidence file and time stamps in the window
save-proof = Uložit důkaz…
save-proof-hint = Jeden soubor ZIP, který může ověřit kdokoli: zpráva tak, jak byla odeslána, přílohy, zprávy o doručení, potvrzení, potvrzení v PDF, kontrolní součty a časová razítka.
proof-stamp = Časové razítko potvrzení: { $authority }, { $when }
proof-stamp-waiting = Zatím bez časového razítka ({ $reason }); další pokus { $when }
proof-stamp-none = Bez časového razítka: v Nastavení zvolte autoritu časových razítek, aby bylo každé potvrzení orazítkováno.
toast-stamp-problem = Časová razítka nelze vytvářet: { $reason }
toast-proof-saved = Důkaz uložen: { $path }
toast-copy-to-edit = Kopie e-mailu je otevřená k úpravě. Neúspěšný e-mail zůstává v Neúspěšných se svým záznamem, dokud ho nesmažete.
toast-proof-no-fresh-stamp = Důkaz byl uložen bez čerstvého časového razítka: { $reason }
toast-proof-failed = Důkaz se nepodařilo uložit: { $reason }
settings-tsa = Autorita časových razítek
settings-tsa-none = Žádná
settings-tsa-other = Jiná (URL)
settings-tsa-url = Adresa autority
settings-tsa-ca = Její soubor CA (PEM)
settings-tsa-qualified = kvalifikovaná (eIDAS)
settings-tsa-own-root = potřebuje svůj soubor CA
settings-tsa-note = Každé potvrzení hned po odeslání, i každý uložený důkaz, opatří časovým razítkem tato autorita (RFC 3161): důkaz, že v tu chvíli existovalo, ověřitelný programem openssl.

## Invoices: templates, customers, bulk sheets
template-unclosed = závorka {"{"} na pozici { $at } není uzavřena (závorku napíšete jako {"{{"})
template-unopened = závorka {"}"} na pozici { $at } nic neuzavírá (závorku napíšete jako {"}}"})
template-bad-name = {"{"}{ $name }{"}"} není název pole: použijte malá písmena, číslice a _
template-unknown = neznámé pole {"{"}{ $name }{"}"}: použijte některé ze standardních polí nebo ho přidejte jako další pole šablony
template-unknown-suggest = neznámé pole {"{"}{ $name }{"}"}; mysleli jste {"{"}{ $suggestion }{"}"}?
template-missing = chybí hodnota pole {"{"}{ $name }{"}"}
template-empty = šablona musí mít název a předmět
store-invoice-already-queued = faktura { $invoice } už byla pro tohoto příjemce vložena do zásobníku jako zpráva { $id }; chcete-li ji záměrně poslat znovu, použijte „odeslat znovu“
store-customer-exists = zákazník s tímto názvem nebo IČO už existuje: { $customer }
store-no-such-customer = zákazník „{ $customer }“ neexistuje
bulk-no-file = není uveden soubor faktury
bulk-file-unreadable = { $path } nelze přečíst: { $reason }
bulk-no-recipient = chybí adresa: uveďte sloupec e-mail nebo zákazníka s adresou
bulk-unknown-customer = zákazník „{ $customer }“ neexistuje (přidejte ho v Zákaznících nebo uveďte sloupec e-mail)
bulk-invalid-address = „{ $address }“ není platná adresa: { $reason }
bulk-bounced-before = poslední zpráva na { $address } nedošla: { $why }
bulk-already-queued = faktura { $invoice } už je v zásobníku nebo odeslaná na tuto adresu (zpráva { $id })
bulk-repeated = faktura { $invoice } na stejnou adresu už je na řádku { $line }
bulk-no-template = šablona „{ $template }“ neexistuje
bulk-no-value = v tomto řádku chybí hodnota {"{"}{ $field }{"}"}
sheet-empty = tabulka je prázdná
sheet-not-utf8 = řádek { $line } není text v UTF-8; uložte tabulku jako „CSV UTF-8“
sheet-malformed = řádek { $line } nelze přečíst: { $reason }
sheet-duplicate-column = sloupec „{ $column }“ je tam dvakrát
sheet-missing-column = šablona ({ $language }) používá pole {"{"}{ $column }{"}"} a tabulka nemá sloupec „{ $column }“
sheet-template = šablona ({ $language }): { $reason }
batch-unreadable = { $path } nelze přečíst: { $reason }
batch-pattern = vzor názvů souborů: { $reason }
batch-no-account = není účet, ze kterého lze odesílat; nejprve nějaký přidejte
batch-which-account = účtů je několik; zvolte, ze kterého se má odesílat (--account)
batch-bad-rows = { $count ->
    [one] jeden řádek nelze vložit do zásobníku
    [few] { $count } řádky nelze vložit do zásobníku
   *[other] { $count } řádků nelze vložit do zásobníku
}
batch-not-a-file = není to soubor
cli-batch-row = řádek { $line }: { $problem }
cli-batch-refused = { $count ->
    [one] do zásobníku se nevložilo nic: jeden řádek má problém (viz výše; --skip-bad vloží správné řádky)
    [few] do zásobníku se nevložilo nic: { $count } řádky mají problémy (viz výše; --skip-bad vloží správné řádky)
   *[other] do zásobníku se nevložilo nic: { $count } řádků má problémy (viz výše; --skip-bad vloží správné řádky)
}
cli-batch-queued = { $count ->
    [one] do zásobníku vložena jedna zpráva
    [few] do zásobníku vloženy { $count } zprávy
   *[other] do zásobníku vloženo { $count } zpráv
}
cli-import-refused = { $count ->
    [one] nic se neimportovalo: jeden řádek má problém (viz výše)
    [few] nic se neimportovalo: { $count } řádky mají problémy (viz výše)
   *[other] nic se neimportovalo: { $count } řádků má problémy (viz výše)
}
cli-customers-imported = přidáno zákazníků: { $added }, aktualizováno: { $changed }
cli-customer-removed = zákazník { $customer } odstraněn; jeho zprávy zůstávají
cli-customer-no-name = zákazník musí mít název
cli-customer-no-email = zákazník { $customer } musí mít alespoň jednu adresu
cli-template-shipped = (vestavěná)
cli-no-template = šablona „{ $template }“ v jazyce { $language } neexistuje
customer-tax-id = IČO / DIČ
customer-email = E-mail
customer-cc = Kopie
customer-language = Jazyk
customer-notes = Poznámky
customer-recent-mails = Poslední zprávy:
field-invoice-number = Faktura
nav-invoices = Odeslat faktury
nav-customers = Zákazníci
nav-templates = Šablony
bulk-title = Odeslat faktury
bulk-hint = Přetáhněte PDF faktur do okna spolu s tabulkou CSV, která říká, kam která jde, nebo je vyberte. Bez tabulky se zákazník každého souboru pozná podle názvu souboru.
bulk-choose-files = Vybrat soubory…
bulk-sheet = tabulka: { $sheet }
bulk-files = { $count ->
    [one] jeden soubor faktury
    [few] { $count } soubory faktur
   *[other] { $count } souborů faktur
}
bulk-clear = Začít znovu
bulk-template = Šablona
bulk-pattern = Názvy souborů
bulk-check = Zkontrolovat
bulk-left-out = { $count ->
    [one] jeden řádek má problém a vynechá se; jeho problémy jsou v posledním sloupci; opravte tabulku CSV nebo adresu v tabulce a zkontrolujte znovu
    [few] { $count } řádky mají problémy a vynechají se; jejich problémy jsou v posledním sloupci; opravte tabulku CSV nebo adresy v tabulce a zkontrolujte znovu
   *[other] { $count } řádků má problémy a vynechá se; jejich problémy jsou v posledním sloupci; opravte tabulku CSV nebo adresy v tabulce a zkontrolujte znovu
}
bulk-queue = { $count ->
    [one] Vložit jednu do zásobníku
    [few] Vložit { $count } do zásobníku
   *[other] Vložit { $count } do zásobníku
}
bulk-col-line = Řádek
bulk-col-file = Soubor
bulk-col-customer = Zákazník
bulk-col-to = Komu
bulk-col-subject = Předmět
bulk-col-problems = Problémy
customers-title = Zákazníci
customers-new = Nový zákazník
customers-search = Hledat podle názvu, IČO nebo adresy
customers-empty = Zatím žádní zákazníci. Přidejte zákazníka nebo importujte tabulku příkazem `stempel customer import`.
customer-name = Název
customer-language-window = jako okno
customer-save = Uložit zákazníka
customer-remove = Odstranit zákazníka
templates-title = Šablony
templates-new = Nová šablona
templates-shipped = vestavěná
templates-own = vlastní
template-name = Název
template-fields = Další pole
template-placeholders = Pole: { $fields } a další pole, vyplněná ze sloupců tabulky se stejným názvem.
template-save = Uložit šablonu
template-remove = Odstranit (vrátí se vestavěná)
invoice-number-hint = např. FV/2026/11/001: neodejde dvakrát na stejnou adresu
bulk-to-of-line = Komu, řádek { $line }
customers-choose = Vyberte zákazníka, chcete-li ho změnit a vidět jeho zprávy.
templates-choose = Vyberte šablonu, chcete-li ji změnit.
