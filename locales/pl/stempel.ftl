# Stempel, polski.

## Shell
mails-waiting = { $count ->
    [one] 1 mail czeka
    [few] { $count } maile czekają
   *[many] { $count } maili czeka
}
send-all = Wyślij wszystkie
send-all-hint = Wyślij teraz wszystkie maile z bufora (Ctrl+Shift+S)
sending-progress = wysłano { $done } z { $total }
check-now = Sprawdź teraz
check-now-hint = Poszukaj w skrzynce raportów doręczenia, zwrotów i potwierdzeń przeczytania
bounces-checking = Sprawdzanie raportów…
bounces-not-checked = Raporty jeszcze nie sprawdzone
bounces-checked = Raporty sprawdzone { $time }
bounces-check-failed = ⚠ sprawdzenie nie powiodło się dla { $accounts }
new-mail = ✉ Nowy mail
new-mail-hint = Napisz nowy mail (Ctrl+N)
nav-emails = E-maile
nav-accounts = Konta
nav-settings = Ustawienia
folder-buffer = Bufor
folder-sent = Wysłane
folder-failed = Nieudane
folder-drafts = Szkice
sender-not-running = Wysyłanie nie działa; uruchom Stempel ponownie.
toast-send-failed = Mail „{ $subject }” do { $to } nie został wysłany: { $why }
toast-sent = { $count ->
    [one] Wysłano 1 mail
    [few] Wysłano { $count } maile
   *[many] Wysłano { $count } maili
}
toast-reports = { $count ->
    [one] Nadszedł 1 raport doręczenia
    [few] Nadeszły { $count } raporty doręczenia
   *[many] Nadeszło { $count } raportów doręczenia
}
toast-password-saved = Hasło konta { $account } zapisano w pęku kluczy systemu
select-a-mail = Wybierz mail, aby zobaczyć jego treść, pokwitowanie i doręczenie
welcome-title = Witamy w programie Stempel
welcome-text = Dodaj konto, z którego wysyłasz faktury, albo najpierw wypróbuj cały przebieg w piaskownicy: to serwer pocztowy wewnątrz programu, który przyjmuje maile i nigdzie ich nie doręcza.
welcome-add-account = Dodaj konto
welcome-try-sandbox = Wypróbuj piaskownicę
resend-title = { $count ->
    [one] Wysłać ten mail ponownie?
    [few] Wysłać ponownie { $count } maile?
   *[many] Wysłać ponownie { $count } maili?
}
resend-warning = Ten mail mógł już dotrzeć do klienta: jego serwer mógł go przyjąć, zanim połączenie zostało przerwane. Ponowne wysłanie może go doręczyć dwa razy.
resend-confirm = Wyślij ponownie
delete-title = { $count ->
    [one] Usunąć ten mail?
    [few] Usunąć { $count } maile?
   *[many] Usunąć { $count } maili?
}
delete-warning = Jego treść, załączniki i zapis prób wysłania zostaną usunięte ze Stempla. Tego nie można cofnąć.
cancel = Anuluj

## Lists
search = Szukaj
search-hint = odbiorca, nadawca lub temat
date-from = Od
date-to = do
date-invalid = Daty zapisuje się jako RRRR-MM-DD
checked-count = zaznaczono { $count }
send-checked = Wyślij zaznaczone
delete-checked = Usuń zaznaczone
resend-checked = Wyślij zaznaczone ponownie
resend-hint = Przenieś mail z powrotem do bufora i wyślij go jeszcze raz
refresh = Odśwież
list-empty = Nic tu nie ma
check-row = Zaznacz, aby działać na kilku mailach naraz
check-mail = Zaznacz { $subject }
sort-hint = Sortuj według tej kolumny
col-date = Data
col-to = Do
col-subject = Temat
col-queue-id = Nr kolejki
col-delivery = Doręczenie
col-recipient = Odbiorca
col-state = Stan
col-status = Status
col-details = Szczegóły
chart-sent = Wysłane
chart-delivered = Doręczone
chart-problems = Zwrócone
state-draft = Szkic
state-queued = Czeka w buforze
state-sending = W trakcie wysyłania
state-sent = Wysłany
state-failed = Nieudany
state-uncertain = Niepewny: połączenie zerwało się, zanim serwer odpowiedział
delivery-pending = Jeszcze nie wysłany
delivery-accepted = Przyjęty przez serwer
delivery-rejected = Odrzucony przez serwer
delivery-delivered = Doręczony
delivery-relayed = Przekazany dalej
delivery-delayed = Opóźniony
delivery-bounced = Zwrócony
delivery-read = Przeczytany

## The mail
tab-message = Wiadomość
tab-sent = Wysyłka
tab-delivery = Doręczenie
delete = Usuń
edit = Edytuj
edit-queued-hint = Na czas edycji mail zostaje wyjęty z bufora
send-now = Wyślij teraz
resend = Wyślij ponownie
edit-and-resend = Popraw i wyślij ponownie
edit-and-resend-hint = Otwiera nowy mail z tymi samymi odbiorcami, treścią i załącznikami; ten zostaje ze swoim zapisem, dopóki go nie usuniesz
field-account = Konto
field-from = Od
field-to = Do
field-cc = DW
field-bcc = UDW
field-reply-to = Odpowiedz do
field-subject = Temat
field-state = Stan
field-created = Utworzono
field-size = Rozmiar
field-requested = Zamówiono
field-attachment = Załącznik
field-date = Data
field-server = Serwer
field-duration = Czas trwania
field-reply = Odpowiedź
field-meaning = Znaczenie
field-queue-id = Nr kolejki
field-status = Status
field-attempts = Próby
field-next-attempt = Następna próba
list-retry-at = Ponowna próba { $time }
retry-while-open = Stempel wyśle go wtedy sam, jeśli to okno będzie otwarte. Gdy okno jest zamknięte, mail czeka, aż Stempel zostanie znów otwarty albo uruchomi się `stempel send`.
date-hint = RRRR-MM-DD
field-error = Błąd
field-what-happened = Co się stało
field-what-to-do = Co zrobić
field-body = Treść
asked-delivery = powiadomienie o doręczeniu
asked-read = potwierdzenie przeczytania
not-sent-yet = Jeszcze nie wysłany
not-encrypted = bez szyfrowania
duration-ms = { $ms } ms
outcome-sent = Wysłany: serwer przejął odpowiedzialność za mail
outcome-deferred = Odłożony: Stempel spróbuje ponownie później
outcome-failed = Nieudany
outcome-uncertain = Niepewny: serwer mógł otrzymać mail
sandbox-receipt = Pokwitowanie z piaskownicy: ten mail trafił do wbudowanego serwera testowego programu i nie został nigdzie doręczony.
proof = Dowód
proof-stage-1 = Etap 1: Twój serwer pocztowy przyjął maila (identyfikator { $queue_id })
proof-stage-1-means = To dowodzi, że Twój serwer przyjął maila; nie pokazuje, że ma go serwer odbiorcy.
proof-stage-2 = Etap 2: serwer odbiorcy przyjął maila ({ $server }, { $when })
proof-stage-2-means = To dowodzi, że strona odbiorcy przyjęła maila; nie pokazuje, że mail został przeczytany.
proof-stage-2-waiting = Etap 2: jeszcze brak raportu o doręczeniu; przychodzi, gdy serwer odbiorcy przyjmie maila
proof-stage-2-bounced = Etap 2 nie nadejdzie: raport mówi, że maila nie udało się doręczyć (zob. Doręczenie)
proof-stage-2-never = Etap 2 nie nadejdzie: Twój serwer pocztowy nie oferuje raportów doręczenia (DSN)
proof-stage-3 = Etap 3: odbiorca otworzył maila ({ $when })
proof-settled = Połączenie zerwało się po wysłaniu maila; raport pokazał później, że serwer go miał.
transcript = Rozmowa z serwerem
copy = Kopiuj
copy-hint = Skopiuj całą rozmowę
timeline = Przebieg
timeline-accepted = Serwer przyjął mail (nr kolejki { $queue_id })
no-reports = Brak raportów doręczenia
no-reports-sandbox = Żaden raport nie przyjdzie: piaskownica niczego nie doręcza.
no-reports-refused = Żaden raport nie przyjdzie: serwer odrzucił mail, więc nigdzie nie trafił.
no-reports-unsent = Raporty przychodzą po wysłaniu maila.
event-details = Raport: { $kind }, dopasowany przez { $matched }
raw-report = Raport w otrzymanej postaci:

## Compose
compose-title = Nowy mail
compose-edit-title = Edycja maila
compose-no-account = Najpierw dodaj konto (Konta w menu po lewej).
to-hint = klient@example.com, inny@example.com
invalid-addresses = To nie jest poprawny adres: { $addresses }
attachments = Załączniki
add-files = Dodaj pliki…
compose-no-attachment = Treść wspomina o fakturze, ale nic nie jest załączone. Dodaj plik przyciskiem „Dodaj pliki…” albo naciśnij ten sam przycisk jeszcze raz, aby kontynuować bez niego.
picker-title = Dodaj pliki
picker-add = { $count ->
    [one] Dodaj 1 plik
    [few] Dodaj { $count } pliki
   *[many] Dodaj { $count } plików
}
picker-up = ⬆ W górę
picker-home = Folder domowy
picker-documents = Dokumenty
picker-downloads = Pobrane
picker-desktop = Pulpit
picker-folder = Folder
picker-unreadable = Nie można odczytać tego folderu: { $reason }
picker-empty = Ten folder jest pusty.
drop-files-hint = albo upuść pliki na okno
remove = Usuń
attachment-missing = Nie można znaleźć pliku { $name }
request-delivery = Poproś o powiadomienie o doręczeniu
request-delivery-hint = Serwer odbiorcy zgłosi, kiedy mail trafi do skrzynki (jeśli obsługuje powiadomienia o doręczeniu)
request-read = Poproś o potwierdzenie przeczytania
request-read-hint = Program pocztowy klienta może poprosić go o potwierdzenie, że przeczytał mail
save-draft = Zapisz szkic
put-in-buffer = Do bufora
put-in-buffer-hint = Zapisz mail gotowy do wysłania; „Wyślij wszystkie” go wyśle
sandbox-example-subject = Faktura FV/2026/11/001
sandbox-example-body = Dzień dobry,

    w załączeniu przesyłam fakturę za usługi świadczone w listopadzie.

    Z poważaniem
error-invalid-address = „{ $address }” nie jest poprawnym adresem e-mail
error-header-injection = Pole { $field } zawiera znak końca wiersza, który jest niedozwolony
error-no-recipients = Mail potrzebuje co najmniej jednego odbiorcy
error-attachment = Nie można odczytać załącznika { $path }: { $reason }
error-attachment-not-file = Załącznik { $path } nie jest plikiem
error-choose-account = Wybierz konto, z którego chcesz wysłać

## Accounts
accounts-title = Konta
account-add = Dodaj konto
account-add-sandbox = Dodaj konto piaskownicy
account-sandbox-hint = Serwer testowy wewnątrz programu: przyjmuje maile z pokwitowaniem i nigdzie ich nie doręcza
account-test = Sprawdź połączenie
account-test-hint = Połącz, zaszyfruj, zaloguj i rozłącz, pokazując rozmowę
account-testing = Sprawdzanie konta { $account }…
account-test-ok = Konto { $account } działa: połączono, zaszyfrowano i zalogowano
account-test-failed = Konto { $account } nie działa: { $meaning }
account-remove = Usuń
account-remove-title = Usunąć konto { $account }?
account-remove-warning = Jego ustawienia i zapisane hasło zostaną usunięte. Wysłane z niego maile zostają w Wysłanych z dowodami; maile czekające w buforze lub w szkicach nie pozwalają go usunąć.
keychain-failed-session = Pęk kluczy nie zapisał hasła konta { $account }. Jest ono zachowane tylko na tę sesję: aby przetrwało ponowne uruchomienie, podaj polecenie, które je wypisuje.
account-new-title = Nowe konto
account-edit-title = Edycja konta
account-preset = Dostawca
account-preset-none = Inny (wpisz serwery)
account-name = Nazwa
account-from = Nadawca (Nazwa <adres>)
account-smtp = Wysyłanie (SMTP)
account-imap = Raporty (IMAP)
account-imap-hint = opcjonalnie: tu przychodzą zwroty i potwierdzenia przeczytania
account-host = Serwer { $protocol }
account-port = Port { $protocol }
account-security = Zabezpieczenie { $protocol }
account-user = Użytkownik { $protocol }
account-login = Logowanie
login-password = Hasło
login-xoauth2 = Token OAuth 2.0 (XOAUTH2)
login-xoauth2-hint = Dla Gmaila i Microsoft 365 bez haseł: polecenie hasła konta wypisuje aktualny token dostępu (na przykład z oama lub mailctl)
account-password = Hasło
account-password-hint = przechowywane tam, gdzie wybrano wyżej
account-password-keep = Przechowywanie hasła
keep-keychain = W pęku kluczy
keep-command = Podawane przez polecenie
keep-command-hint = Polecenie, które wypisuje hasło, uruchamiane przy każdym logowaniu (np. menedżera haseł)
keep-session = Tylko na tę sesję
keep-session-hint = Trzymane w pamięci do zamknięcia okna; po ponownym uruchomieniu Stempel poprosi o nie znowu
keychain-unavailable = Na tym komputerze nie ma pęku kluczy, do którego Stempel ma dostęp, więc hasła nie można tam zapisać. Podaj polecenie, które je wypisuje, albo zachowaj je tylko na tę sesję.
account-password-command = Polecenie hasła
password-by-command = Hasło z polecenia
password-this-session = Hasło na tę sesję
password-in-keychain = Hasło w pęku kluczy
password-missing = Brak hasła
security-starttls = STARTTLS (port 587)
security-tls = TLS (port 465 / 993)
security-none = Brak (tylko lokalny przekaźnik)
save = Zapisz
error-account-name = Konto potrzebuje nazwy
error-port = „{ $port }” nie jest numerem portu
error-smtp-host = Konto potrzebuje serwera SMTP
error-password-command = Podaj polecenie, które wypisuje hasło

## Settings
settings-title = Ustawienia
settings-language = Język
settings-language-system = Jak w systemie
settings-theme = Wygląd
theme-system = Jak w systemie
theme-light = Jasny
theme-dark = Ciemny
settings-scan-interval = Sprawdzaj raporty co
settings-data-folder = Folder danych
settings-settings-file = Plik ustawień
settings-interval-note = Nowy odstęp obowiązuje od następnego uruchomienia.

## Command line
cli-nothing-to-send = nie ma nic do wysłania
cli-mail-sent = mail { $id } wysłany, nr kolejki { $queue_id }
cli-mail-deferred = mail { $id } odłożony do { $time }: { $why }
cli-mail-failed = mail { $id } nieudany: { $why }
cli-mail-uncertain = mail { $id } niepewny: { $why }
cli-send-summary = wysłane: { $sent }, odłożone: { $deferred }, nieudane: { $failed }, niepewne: { $uncertain }
cli-queue-id = nr kolejki: { $queue_id }
cli-what-to-do = co zrobić: { $advice }
cli-account-added = dodano konto { $account }
cli-set-password = zapisz jego hasło poleceniem: { $command }
notice-tightened = { $path } mogli czytać inni użytkownicy tego komputera; teraz ma do niego dostęp tylko Ty.
cli-sandbox-needs-window = { $count ->
    [one] 1 mail jest dla piaskownicy, która działa tylko przy otwartym oknie Stempla: wyślij go z okna.
    [few] { $count } maile są dla piaskownicy, która działa tylko przy otwartym oknie Stempla: wyślij je z okna.
   *[many] { $count } maili jest dla piaskownicy, która działa tylko przy otwartym oknie Stempla: wyślij je z okna.
}
cli-attempt = Próba { $n }, { $time }
account-removed = Konto „{ $account }” usunięte.
account-removed-kept = Konto „{ $account }” usunięte; jego wysłane maile i ich dowody zostają w Wysłanych.
cli-password-not-removed = nie udało się usunąć hasła z pęku kluczy: { $reason }
cli-scan-summary = { $account }: foldery: { $folders }, pobrane maile: { $fetched }, raporty: { $reports }, zmiany: { $changes }
cli-no-imap = żadne konto nie ma ustawień IMAP
cli-no-window = ten stempel zbudowano bez okna; podaj polecenie (zob. --help)
cli-not-a-reply = „{ $reply }” nie jest odpowiedzią SMTP (nie zaczyna się kodem)
cli-account-name = nazwa konta musi być niepustym tekstem
cli-no-preset = nie ma ustawień „{ $preset }”; zob. `stempel account presets`
cli-smtp-settings = podaj --smtp-host, --smtp-port i --smtp-security albo --preset
cli-unknown-security = nieznane zabezpieczenie „{ $security }”
cli-no-ca-file = plik CA { $path } nie istnieje
cli-body-file = nie można odczytać pliku z treścią { $path }: { $reason }
cli-no-body = podaj --body albo --body-file
cli-no-imap-settings = konto „{ $account }” nie ma ustawień IMAP (dodaj --imap-host i pozostałe)

## The store's refusals
store-newer-schema = bazę danych zapisał nowszy Stempel (wersja schematu { $found }, ta wersja zna do { $known }); zaktualizuj Stempel, aby ją otworzyć
store-illegal-transition = mail { $id } nie może przejść ze stanu { $from } do { $to }
store-no-such-message = nie ma maila o numerze { $id }
store-no-such-account = nie ma konta o nazwie „{ $account }”
store-account-exists = konto o nazwie „{ $account }” już istnieje
store-account-in-use = { $count ->
    [one] konto „{ $account }” ma jeszcze 1 mail w buforze lub w szkicach; najpierw go wyślij albo usuń
    [few] konto „{ $account }” ma jeszcze { $count } maile w buforze lub w szkicach; najpierw je wyślij albo usuń
   *[many] konto „{ $account }” ma jeszcze { $count } maili w buforze lub w szkicach; najpierw je wyślij albo usuń
}
store-not-deletable = mail { $id } jest w stanie { $state } i nie można go usunąć (tylko szkice, maile w buforze i nieudane)

## Explanations of server replies and failures
smtp-app-password = serwer wymaga hasła aplikacji, a nie zwykłego hasła konta
smtp-app-password-advice = utwórz hasło aplikacji w ustawieniach bezpieczeństwa konta (w Gmailu: Konto Google, Bezpieczeństwo, Hasła aplikacji) i zapisz je w ustawieniach konta
smtp-auth-policy = serwer odbiorcy odrzucił mail, bo domena nadawcy nie przeszła kontroli SPF, DKIM lub DMARC
smtp-auth-policy-advice = poproś administratora domeny o opublikowanie rekordów SPF i DKIM dla serwera, przez który wysyłasz
smtp-accepted = serwer przyjął mail
smtp-accepted-advice = nic nie trzeba robić; mogą nadejść raporty doręczenia
smtp-rate-limited = serwer ogranicza tempo, w jakim przyjmuje od ciebie maile
smtp-rate-limited-advice = Stempel sam spróbuje ponownie później; jeśli to się powtarza, wysyłaj mniej maili naraz
smtp-421 = serwer jest teraz niedostępny i zamknął połączenie
smtp-421-advice = Stempel sam spróbuje ponownie później
smtp-450 = skrzynka odbiorcy jest chwilowo niedostępna (zajęta albo serwer opóźnia nowych nadawców)
smtp-450-advice = Stempel sam spróbuje ponownie później
smtp-greylisted = serwer opóźnia maile od nadawców, których jeszcze nie zna (szara lista), albo sprawdza je pod kątem spamu
smtp-greylisted-advice = Stempel sam spróbuje ponownie później; zwykle mail przechodzi w ciągu godziny
smtp-451 = serwer miał chwilowy problem z obsługą maila
smtp-451-advice = Stempel sam spróbuje ponownie później
smtp-452 = serwerowi brakuje miejsca albo dostał naraz zbyt wielu odbiorców
smtp-452-advice = Stempel sam spróbuje ponownie później; pomaga mniej odbiorców w jednym mailu
smtp-454 = serwer nie mógł teraz uruchomić szyfrowania ani sprawdzić logowania
smtp-454-advice = Stempel sam spróbuje ponownie później
smtp-500 = serwer nie zrozumiał polecenia
smtp-500-advice = sprawdź serwer i port konta; często oznacza to, że odpowiedziała usługa, która nie jest serwerem poczty
smtp-501 = serwer odrzucił postać polecenia, często z powodu błędnego adresu
smtp-501-advice = sprawdź adresy nadawcy i odbiorców
smtp-502 = serwer nie obsługuje polecenia, którego Stempel potrzebuje
smtp-502-advice = sprawdź serwer i port konta
smtp-503 = serwer oczekiwał poleceń w innej kolejności, często dlatego, że najpierw chce logowania
smtp-503-advice = sprawdź, czy konto ma nazwę użytkownika i hasło
smtp-504 = serwer nie obsługuje parametru wysłanego przez Stempel
smtp-504-advice = sprawdź serwer i port konta
smtp-530 = serwer wymaga zalogowania lub szyfrowania, zanim przyjmie mail
smtp-530-advice = podaj w koncie nazwę użytkownika i hasło oraz użyj STARTTLS lub TLS
smtp-534 = serwer wymaga silniejszej metody logowania albo hasła aplikacji
smtp-534-advice = utwórz dla programu Stempel hasło aplikacji w ustawieniach bezpieczeństwa konta pocztowego
smtp-535 = serwer odrzucił hasło; Gmail wymaga hasła aplikacji
smtp-535-advice = sprawdź nazwę użytkownika i zapisz właściwe hasło (hasło aplikacji dla Gmaila, Microsoft 365 z MFA, Seznamu, WP)
smtp-token-refused = serwer odrzucił token OAuth 2.0: mógł wygasnąć albo nie mieć uprawnień do poczty
smtp-token-refused-advice = sprawdź polecenie hasła konta: musi wypisywać aktualny token dostępu dla tego adresu z uprawnieniem do poczty
smtp-user-unknown = adres odbiorcy nie istnieje
smtp-user-unknown-advice = sprawdź, czy w adresie nie ma literówki, albo poproś klienta o właściwy adres
smtp-domain-unknown = domena odbiorcy nie istnieje albo nie przyjmuje poczty
smtp-domain-unknown-advice = sprawdź część adresu po znaku @
smtp-mailbox-full = skrzynka odbiorcy jest pełna
smtp-mailbox-full-advice = powiadom klienta inną drogą albo spróbuj ponownie za kilka dni
smtp-too-big = mail jest większy, niż serwer przyjmuje
smtp-too-big-advice = zmniejsz załączniki albo wyślij je osobno
smtp-policy = serwer odrzucił mail zgodnie ze swoimi zasadami: przekazywanie niedozwolone, nadawca bez uprawnień albo podejrzenie spamu
smtp-policy-advice = sprawdź, czy adres nadawcy należy do konta, z którego wysyłasz
smtp-550 = serwer odrzucił mail dla tej skrzynki
smtp-550-advice = przeczytaj odpowiedź serwera w zapisie rozmowy; najczęściej adres jest błędny
smtp-551 = ten serwer nie obsługuje tego odbiorcy
smtp-551-advice = sprawdź adres odbiorcy
smtp-552 = mail przekracza miejsce, na jakie pozwala serwer (za duży albo skrzynka pełna)
smtp-552-advice = zmniejsz załączniki albo spróbuj ponownie później
smtp-553 = serwer nie dopuszcza tego adresu (jako nadawcy lub odbiorcy)
smtp-553-advice = sprawdź, czy adres nadawcy należy do konta i czy adres odbiorcy jest poprawnie zapisany
smtp-spam = serwer odrzucił mail jako spam lub zgodnie ze swoimi zasadami
smtp-spam-advice = sprawdź, co w treści i załącznikach może wyglądać na spam, oraz ustawienia domeny nadawcy
smtp-554 = serwer odrzucił mail
smtp-554-advice = przeczytaj odpowiedź serwera w zapisie rozmowy
smtp-temporary = serwer na razie odrzucił mail
smtp-temporary-advice = Stempel sam spróbuje ponownie później
smtp-permanent = serwer odrzucił mail
smtp-permanent-advice = przeczytaj odpowiedź serwera w zapisie rozmowy
smtp-unknown-reply = serwer udzielił odpowiedzi, której Stempel nie zna
smtp-unknown-reply-advice = przeczytaj odpowiedź serwera w zapisie rozmowy
smtp-dns = nie można znaleźć nazwy serwera
smtp-dns-advice = sprawdź nazwę serwera w koncie i połączenie z internetem
smtp-refused = serwer odmówił połączenia na tym porcie
smtp-refused-advice = sprawdź port: 587 dla STARTTLS, 465 dla TLS
smtp-connect-timeout = serwer nie odpowiedział na połączenie
smtp-connect-timeout-advice = sprawdź nazwę serwera, port i czy zapora nie blokuje wychodzącej poczty
smtp-connect = Stempel nie mógł połączyć się z serwerem
smtp-connect-advice = sprawdź połączenie z internetem, nazwę serwera i port
smtp-timeout = serwer przestał odpowiadać
smtp-timeout-advice = Stempel sam spróbuje ponownie później
smtp-uncertain = połączenie zerwało się po wysłaniu całego maila, a przed potwierdzeniem przez serwer; serwer mógł go otrzymać albo nie
smtp-uncertain-advice = zanim wyślesz ponownie, zapytaj odbiorcę, czy mail dotarł
smtp-connection-lost = połączenie z serwerem zostało zerwane
smtp-connection-lost-advice = Stempel sam spróbuje ponownie później
smtp-starttls-missing = serwer nie oferuje szyfrowania (STARTTLS), więc hasło i mail szłyby otwartym tekstem
smtp-starttls-missing-advice = sprawdź port (587 oferuje STARTTLS, 465 używa TLS od początku); Stempel nie wysyła bez szyfrowania
smtp-auth-plaintext = połączenie nie jest szyfrowane, więc Stempel nie wyśle przez nie hasła
smtp-auth-plaintext-advice = wybierz dla tego konta zabezpieczenie STARTTLS lub TLS
smtp-auth-not-offered = serwer nie oferuje żadnej metody logowania, której Stempel może użyć
smtp-auth-not-offered-advice = sprawdź port: logowanie jest zwykle dostępne na 587 lub 465, nie na 25
smtp-size-exceeded = mail jest większy niż limit ogłoszony przez serwer, więc nie został wysłany
smtp-size-exceeded-advice = zmniejsz załączniki albo wyślij je osobno
smtp-utf8-address = adres ma znaki spoza ASCII przed @, a serwer nie potrafi ich przenieść
smtp-utf8-address-advice = użyj dla tego odbiorcy adresu w ASCII
smtp-bad-address = adresu nie da się wysłać w podanej postaci
smtp-bad-address-advice = sprawdź adresy nadawcy i odbiorców
smtp-protocol = serwer odpowiedział niezgodnie z protokołem poczty
smtp-protocol-advice = sprawdź serwer i port; Stempel spróbuje ponownie później
smtp-local = Stempel nie mógł zapisać wysyłki w swojej bazie danych, więc przerwał przed końcem
smtp-local-advice = sprawdź wolne miejsce na dysku; mail zostaje w buforze
tls-cert-expired = certyfikat serwera wygasł
tls-cert-expired-advice = operator serwera musi go odnowić; do tego czasu poczta nie jest tam wysyłana
tls-cert-wrong-host = certyfikat serwera należy do innej nazwy niż ta w koncie
tls-cert-wrong-host-advice = użyj nazwy serwera podanej przez dostawcę (np. smtp.gmail.com)
tls-cert-untrusted = certyfikat serwera nie jest podpisany przez urząd, któremu ten komputer ufa
tls-cert-untrusted-advice = użyj nazwy serwera podanej przez dostawcę albo wskaż w koncie plik CA
tls-cert-invalid = certyfikat serwera jest nieważny
tls-cert-invalid-advice = sprawdź nazwę serwera; Stempel wysyła tylko do serwerów, które może zweryfikować
tls-old-version = serwer oferuje tylko przestarzałe szyfrowanie (starsze niż TLS 1.2)
tls-old-version-advice = poproś dostawcę o aktualny serwer; Stempel nie używa TLS starszego niż 1.2
tls-handshake = nie udało się ustanowić szyfrowania z serwerem
tls-handshake-advice = sprawdź port i zabezpieczenie (587 z STARTTLS, 465 z TLS)
secret-missing = dla tego konta nie zapisano hasła
secret-missing-advice = zapisz hasło tego konta (Konta)
secret-empty = hasło tego konta jest puste (pęk kluczy lub polecenie hasła nic nie zwróciły)
secret-empty-advice = zapisz hasło ponownie albo sprawdź polecenie hasła konta; Stempel spróbuje ponownie później
secret-unavailable = nie udało się odczytać hasła z pęku kluczy ani z polecenia hasła
secret-unavailable-advice = odblokuj pęk kluczy albo podaj dla konta polecenie hasła; Stempel spróbuje ponownie później
smtp-unexpected-reply = serwer udzielił odpowiedzi, która nie pasuje do tego etapu rozmowy
smtp-unexpected-reply-advice = sprawdź nazwę serwera, port i zabezpieczenia konta; Stempel spróbuje ponownie później
smtp-greeting-timeout = serwer nie przywitał się ze Stemplem; tak milczy port oczekujący TLS od pierwszego bajtu (465)
smtp-greeting-timeout-advice = sprawdź port i zabezpieczenia konta: TLS dla portu 465, STARTTLS dla 587
tls-setup = pliku CA tego konta nie można użyć
tls-setup-advice = sprawdź plik CA podany dla tego konta

## Bounce reasons
bounce-user-unknown = adres nie istnieje
bounce-mailbox-full = skrzynka odbiorcy jest pełna
bounce-domain-not-found = domena odbiorcy nie istnieje albo nie przyjmuje poczty
bounce-too-large = mail jest za duży dla serwera odbiorcy
bounce-spam = serwer odbiorcy uznał mail za spam
bounce-policy = serwer odbiorcy odrzucił mail zgodnie ze swoimi zasadami
bounce-suspended = skrzynka odbiorcy jest wyłączona lub zawieszona
bounce-expired = nie udało się doręczyć maila w wyznaczonym czasie i zrezygnowano
bounce-host-unreachable = nie udało się połączyć z serwerem odbiorcy
bounce-rate-limited = serwer odbiorcy ogranicza ilość przyjmowanej poczty
bounce-delivered = mail został doręczony
bounce-other = nie udało się doręczyć maila

## Provider hints
preset-gmail = Gmail wymaga hasła aplikacji: włącz weryfikację dwuetapową, utwórz je w Koncie Google, Bezpieczeństwo, Hasła aplikacji, i użyj go jako hasła tego konta
preset-microsoft365 = administrator musi zezwolić na SMTP AUTH dla tej skrzynki; przy logowaniu wieloskładnikowym użyj hasła aplikacji
preset-outlook = przy weryfikacji dwuetapowej użyj hasła aplikacji z ustawień zabezpieczeń konta Microsoft
preset-seznam = zezwól na dostęp innych programów pocztowych w ustawieniach skrzynki Seznam; przy logowaniu dwuskładnikowym użyj hasła aplikacji
preset-wp = włącz dostęp przez programy pocztowe (IMAP/SMTP) w ustawieniach WP Poczty
preset-o2 = włącz dostęp przez programy pocztowe (IMAP/SMTP) w ustawieniach o2 Poczty
preset-interia = włącz dostęp przez programy pocztowe w ustawieniach poczty Interia; nazwą użytkownika jest pełny adres e-mail
preset-onet = włącz dostęp dla programów pocztowych (IMAP, POP3, SMTP) w ustawieniach poczty Onet; nazwą użytkownika jest pełny adres e-mail
preset-homepl = wpisz nazwę swojego serwera (np. serwer123456.home.pl) z panelu klienta home.pl w oba pola serwera; nazwą użytkownika jest pełny adres e-mail
preset-nazwapl = wpisz nazwę swojego serwera (np. server123456.nazwa.pl) z panelu klienta nazwa.pl w oba pola serwera; nazwą użytkownika jest pełny adres e-mail
preset-centrum = nazwą użytkownika jest pełny adres e-mail; przy logowaniu dwuetapowym użyj hasła aplikacji
preset-active24 = nazwą użytkownika jest pełny adres e-mail
preset-gmx = włącz dostęp POP3/IMAP w ustawieniach skrzynki GMX (E-Mail, POP3 & IMAP)
preset-webde = włącz dostęp POP3/IMAP w ustawieniach skrzynki WEB.DE (E-Mail, POP3 & IMAP)
preset-ionos = jako nazwy użytkownika użyj pełnego adresu e-mail (poza Niemcami smtp.ionos.com / imap.ionos.com)

## proof.pdf, the confirmation of sending in the evidence file
pdf-title = Potwierdzenie wysłania
pdf-subtitle = Sporządzone przez Stempel { $version } dnia { $when }
pdf-mail = Wiadomość
pdf-from = Nadawca
pdf-to = Do
pdf-cc = DW
pdf-bcc = UDW
pdf-subject = Temat
pdf-message-id = Message-ID
pdf-sent = Wysłano
pdf-size = Rozmiar
pdf-sha256 = SHA-256 pliku message.eml
pdf-attachments = Załączniki
pdf-no-attachments = Brak załączników.
pdf-stages = Co zostało udowodnione
pdf-connection = Połączenie z Twoim serwerem pocztowym
pdf-server = Serwer
pdf-address = Adres
pdf-tls = Szyfrowanie
pdf-tls-none = brak
pdf-certificate = Certyfikat
pdf-cert-verified = zweryfikowany
pdf-cert-not-verified = niezweryfikowany
pdf-fingerprint = Odcisk (SHA-256)
pdf-server-reply = Odpowiedź serwera
pdf-queue-id = Identyfikator w kolejce
pdf-timestamp = Znacznik czasu
pdf-timestamp-line = Pokwitowanie w stanie zaraz po wysłaniu (receipt-at-send.json) opatrzył znacznikiem czasu { $authority } dnia { $when }.
pdf-timestamp-pending = Jeszcze bez znacznika czasu; ostatnia próba nie powiodła się: { $reason }
pdf-timestamp-none = Bez znacznika czasu: przy wysyłce nie był ustawiony urząd znacznika czasu.
pdf-timeline = Przebieg
pdf-check = Jak sprawdzić ten dowód
pdf-check-intro = Ten dokument znajduje się w pliku ZIP razem z mailem dokładnie w postaci wysłanej (message.eml), jego załącznikami, raportami doręczenia w postaci otrzymanej i pokwitowaniem (receipt.json). Rozpakuj go i uruchom w jego folderze te polecenia.
pdf-check-sums = Każdy plik z jego SHA-256:
pdf-check-stamp = Każdy znacznik czasu, jeśli ZIP zawiera jego plik .tsr (CA.pem: certyfikat główny urzędu znacznika czasu):
pdf-check-stempel = Albo wszystko naraz Stemplem:
pdf-transcript = Rozmowa SMTP, próba { $n }
pdf-page = Strona { $page } z { $pages }

## stempel proof and stempel verify
cli-proof-no-fresh-stamp = plik dowodowy zapisano bez świeżego znacznika czasu nad SHA256SUMS: { $reason }
cli-verify-unreadable = nie można odczytać { $path }: { $reason }
cli-verify-not-evidence = { $path } nie jest plikiem dowodowym Stempla: { $reason }
cli-stamp-summary = znaczniki czasu: opatrzono { $stamped } pokwitowań, { $failed } do ponownej próby później
cli-stamp-problem = znacznika czasu jeszcze nie ma (kolejna próba później): { $reason }
verify-matches = { $file }: SHA-256 zgodny z SHA256SUMS
verify-missing = { $file }: wymieniony w SHA256SUMS, ale go brak
verify-changed = { $file }: ZMIENIONY, jego SHA-256 nie jest tym z SHA256SUMS
verify-unlisted = { $file }: nie ma go w SHA256SUMS (dodany później)
verify-differs = { $file }: nie zgadza się z SHA-256, który podaje dla niego receipt.json
verify-stamped = { $file }: znacznik czasu jest ważny ({ $when }, { $authority })
verify-stamp-fails = { $file }: znacznik czasu NIE jest ważny: { $reason }
verify-no-stamp = { $file }: brak znacznika czasu w pliku
verify-unstamped-note = Nic nie pokazuje, kiedy powstał ten plik: nie ma znacznika czasu (nie ustawiono urzędu znacznika czasu).
verify-all-holds = Wszystko się zgadza.
verify-something-off = { $count ->
    [one] Jedno sprawdzenie się nie zgadza.
    [few] { $count } sprawdzenia się nie zgadzają.
   *[other] { $count } sprawdzeń się nie zgadza.
}

## The evidence file and time stamps in the window
save-proof = Zapisz dowód…
save-proof-hint = Jeden plik ZIP, który każdy może sprawdzić: mail w postaci wysłanej, załączniki, raporty doręczenia, pokwitowanie, potwierdzenie w PDF, sumy kontrolne i znaczniki czasu.
proof-stamp = Znacznik czasu pokwitowania: { $authority }, { $when }
proof-stamp-waiting = Jeszcze bez znacznika czasu ({ $reason }); kolejna próba { $when }
proof-stamp-none = Bez znacznika czasu: wybierz w Ustawieniach urząd znacznika czasu, by każde pokwitowanie było nim opatrzone.
toast-stamp-problem = Nie można tworzyć znaczników czasu: { $reason }
toast-proof-saved = Dowód zapisany: { $path }
toast-copy-to-edit = Kopia maila jest otwarta do poprawienia. Nieudany mail zostaje w Nieudanych ze swoim zapisem, dopóki go nie usuniesz.
toast-proof-no-fresh-stamp = Dowód zapisano bez świeżego znacznika czasu: { $reason }
toast-proof-failed = Nie udało się zapisać dowodu: { $reason }
settings-tsa = Urząd znacznika czasu
settings-tsa-none = Brak
settings-tsa-other = Inny (URL)
settings-tsa-url = Adres urzędu
settings-tsa-ca = Jego plik CA (PEM)
settings-tsa-qualified = kwalifikowany (eIDAS)
settings-tsa-own-root = wymaga swojego pliku CA
settings-tsa-note = Każde pokwitowanie zaraz po wysłaniu, i każdy zapisany dowód, opatruje znacznikiem czasu ten urząd (RFC 3161): dowód, że istniało w tej chwili, do sprawdzenia programem openssl.

## Invoices: templates, customers, bulk sheets
template-unclosed = nawias {"{"} na pozycji { $at } nie jest zamknięty (aby wstawić nawias, wpisz {"{{"})
template-unopened = nawias {"}"} na pozycji { $at } niczego nie zamyka (aby wstawić nawias, wpisz {"}}"})
template-bad-name = {"{"}{ $name }{"}"} nie jest nazwą pola: użyj małych liter, cyfr i _
template-unknown = nieznane pole {"{"}{ $name }{"}"}: użyj jednego z pól standardowych albo dodaj je jako dodatkowe pole szablonu
template-unknown-suggest = nieznane pole {"{"}{ $name }{"}"}; czy chodziło o {"{"}{ $suggestion }{"}"}?
template-missing = brak wartości pola {"{"}{ $name }{"}"}
template-empty = szablon musi mieć nazwę i temat
store-invoice-already-queued = faktura { $invoice } została już wstawiona do bufora dla tego odbiorcy jako wiadomość { $id }; aby wysłać ją celowo jeszcze raz, użyj „wyślij ponownie”
store-customer-exists = klient o tej nazwie lub tym NIP już istnieje: { $customer }
store-no-such-customer = nie ma klienta „{ $customer }”
bulk-no-file = nie podano pliku faktury
bulk-file-unreadable = nie można odczytać { $path }: { $reason }
bulk-no-recipient = brak adresu: podaj kolumnę e-mail albo klienta z adresem
bulk-unknown-customer = nie ma klienta „{ $customer }” (dodaj go w zakładce Klienci albo podaj kolumnę e-mail)
bulk-invalid-address = „{ $address }” nie jest poprawnym adresem: { $reason }
bulk-bounced-before = ostatnia wiadomość do { $address } nie dotarła: { $why }
bulk-already-queued = faktura { $invoice } jest już w buforze lub została wysłana na ten adres (wiadomość { $id })
bulk-repeated = faktura { $invoice } na ten sam adres jest już w wierszu { $line }
bulk-no-template = nie ma szablonu „{ $template }”
bulk-no-value = brak wartości {"{"}{ $field }{"}"} w tym wierszu
sheet-empty = arkusz jest pusty
sheet-not-utf8 = wiersz { $line } nie jest tekstem UTF-8; zapisz arkusz jako „CSV UTF-8”
sheet-malformed = nie można odczytać wiersza { $line }: { $reason }
sheet-duplicate-column = kolumna „{ $column }” występuje dwa razy
sheet-missing-column = szablon ({ $language }) używa pola {"{"}{ $column }{"}"}, a w arkuszu nie ma kolumny „{ $column }”
sheet-template = szablon ({ $language }): { $reason }
batch-unreadable = nie można odczytać { $path }: { $reason }
batch-pattern = wzorzec nazw plików: { $reason }
batch-no-account = nie ma konta, z którego można wysyłać; najpierw dodaj konto
batch-which-account = jest kilka kont; wybierz konto do wysyłki (--account)
batch-bad-rows = { $count ->
    [one] jednego wiersza nie można wstawić do bufora
    [few] { $count } wierszy nie można wstawić do bufora
   *[other] { $count } wierszy nie można wstawić do bufora
}
batch-not-a-file = to nie jest plik
cli-batch-row = wiersz { $line }: { $problem }
cli-batch-refused = { $count ->
    [one] nic nie wstawiono do bufora: jeden wiersz ma problem (zob. wyżej; --skip-bad wstawia poprawne wiersze)
    [few] nic nie wstawiono do bufora: { $count } wiersze mają problemy (zob. wyżej; --skip-bad wstawia poprawne wiersze)
   *[other] nic nie wstawiono do bufora: { $count } wierszy ma problemy (zob. wyżej; --skip-bad wstawia poprawne wiersze)
}
cli-batch-queued = { $count ->
    [one] wstawiono jedną wiadomość do bufora
    [few] wstawiono { $count } wiadomości do bufora
   *[other] wstawiono { $count } wiadomości do bufora
}
cli-import-refused = { $count ->
    [one] nic nie zaimportowano: jeden wiersz ma problem (zob. wyżej)
    [few] nic nie zaimportowano: { $count } wiersze mają problemy (zob. wyżej)
   *[other] nic nie zaimportowano: { $count } wierszy ma problemy (zob. wyżej)
}
cli-customers-imported = dodano klientów: { $added }, zaktualizowano: { $changed }
cli-customer-removed = usunięto klienta { $customer }; jego wiadomości pozostają
cli-customer-no-name = klient musi mieć nazwę
cli-customer-no-email = klient { $customer } musi mieć co najmniej jeden adres
cli-template-shipped = (wbudowany)
cli-no-template = nie ma szablonu „{ $template }” w języku { $language }
customer-tax-id = NIP
customer-email = E-mail
customer-cc = Kopia do
customer-language = Język
customer-notes = Notatki
customer-recent-mails = Ostatnie wiadomości:
field-invoice-number = Faktura
nav-invoices = Wyślij faktury
nav-customers = Klienci
nav-templates = Szablony
bulk-title = Wyślij faktury
bulk-hint = Upuść pliki PDF faktur na okno, razem z arkuszem CSV, który mówi, dokąd idzie każda, albo je wybierz. Bez arkusza klient każdego pliku jest rozpoznawany po nazwie pliku.
bulk-choose-files = Wybierz pliki…
bulk-sheet = arkusz: { $sheet }
bulk-files = { $count ->
    [one] jeden plik faktury
    [few] { $count } pliki faktur
   *[other] { $count } plików faktur
}
bulk-clear = Zacznij od nowa
bulk-template = Szablon
bulk-pattern = Nazwy plików
bulk-check = Sprawdź
bulk-left-out = { $count ->
    [one] jeden wiersz ma problem i zostanie pominięty; jego problemy są w ostatniej kolumnie; popraw arkusz albo adres w tabeli i sprawdź ponownie
    [few] { $count } wiersze mają problemy i zostaną pominięte; ich problemy są w ostatniej kolumnie; popraw arkusz albo adresy w tabeli i sprawdź ponownie
   *[other] { $count } wierszy ma problemy i zostanie pominiętych; ich problemy są w ostatniej kolumnie; popraw arkusz albo adresy w tabeli i sprawdź ponownie
}
bulk-queue = { $count ->
    [one] Wstaw jedną do bufora
    [few] Wstaw { $count } do bufora
   *[other] Wstaw { $count } do bufora
}
bulk-col-line = Wiersz
bulk-col-file = Plik
bulk-col-customer = Klient
bulk-col-to = Do
bulk-col-subject = Temat
bulk-col-problems = Problemy
customers-title = Klienci
customers-new = Nowy klient
customers-search = Szukaj po nazwie, NIP lub adresie
customers-empty = Nie ma jeszcze klientów. Dodaj klienta albo zaimportuj arkusz poleceniem `stempel customer import`.
customer-name = Nazwa
customer-language-window = jak w oknie
customer-save = Zapisz klienta
customer-remove = Usuń klienta
templates-title = Szablony
templates-new = Nowy szablon
templates-shipped = wbudowany
templates-own = własny
template-name = Nazwa
template-fields = Dodatkowe pola
template-placeholders = Pola: { $fields } oraz pola dodatkowe, wypełniane z kolumn arkusza o tej samej nazwie.
template-save = Zapisz szablon
template-remove = Usuń (wróci wbudowany)
invoice-number-hint = np. FV/2026/11/001: nie zostanie wysłana dwa razy na ten sam adres
bulk-to-of-line = Do, wiersz { $line }
customers-choose = Wybierz klienta, aby go zmienić i zobaczyć jego wiadomości.
templates-choose = Wybierz szablon, aby go zmienić.
