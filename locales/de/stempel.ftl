# Stempel, Deutsch.

## Shell
mails-waiting = { $count ->
    [one] 1 Mail wartet
   *[other] { $count } Mails warten
}
send-all = Alle senden
send-all-hint = Alle Mails im Ausgang jetzt senden (Strg+Umschalt+S)
sending-progress = { $done } von { $total } gesendet
check-now = Jetzt prüfen
check-now-hint = Im Posteingang nach Zustellberichten, Unzustellbarkeitsmeldungen und Lesebestätigungen suchen
bounces-checking = Berichte werden geprüft…
bounces-not-checked = Berichte noch nicht geprüft
bounces-checked = Berichte geprüft { $time }
bounces-check-failed = ⚠ Prüfung fehlgeschlagen für { $accounts }
new-mail = ✉ Neue Mail
new-mail-hint = Neue Mail schreiben (Strg+N)
nav-emails = E-Mails
nav-accounts = Konten
nav-settings = Einstellungen
folder-buffer = Ausgang
folder-sent = Gesendet
folder-failed = Fehlgeschlagen
folder-drafts = Entwürfe
sender-not-running = Der Versand läuft nicht; bitte Stempel neu starten.
toast-send-failed = Mail „{ $subject }“ an { $to } wurde nicht gesendet: { $why }
toast-sent = { $count ->
    [one] 1 Mail gesendet
   *[other] { $count } Mails gesendet
}
toast-reports = { $count ->
    [one] 1 Zustellbericht erhalten
   *[other] { $count } Zustellberichte erhalten
}
toast-password-saved = Passwort für { $account } im Schlüsselbund des Systems gespeichert
select-a-mail = Wählen Sie eine Mail, um sie, ihre Quittung und ihre Zustellung zu sehen
welcome-title = Willkommen bei Stempel
welcome-text = Fügen Sie das Konto hinzu, von dem Sie Rechnungen senden, oder probieren Sie den ganzen Ablauf zuerst im Sandkasten aus: ein Mailserver in Stempel, der Mails annimmt und nirgendwohin zustellt.
welcome-add-account = Konto hinzufügen
welcome-try-sandbox = Sandkasten ausprobieren
resend-title = { $count ->
    [one] Diese Mail erneut senden?
   *[other] { $count } Mails erneut senden?
}
resend-warning = Diese Mail kann den Kunden schon erreicht haben: der Server könnte sie angenommen haben, bevor die Verbindung abbrach. Erneutes Senden kann sie doppelt zustellen.
resend-confirm = Erneut senden
delete-title = { $count ->
    [one] Diese Mail löschen?
   *[other] { $count } Mails löschen?
}
delete-warning = Ihr Text, ihre Anhänge und die Aufzeichnung ihrer Sendeversuche werden aus Stempel entfernt. Das lässt sich nicht rückgängig machen.
cancel = Abbrechen

## Lists
search = Suchen
search-hint = Empfänger, Absender oder Betreff
date-from = Von
date-to = bis
date-invalid = Datumsangaben im Format JJJJ-MM-TT
checked-count = { $count } markiert
send-checked = Markierte senden
delete-checked = Markierte löschen
resend-checked = Markierte erneut senden
resend-hint = Die Mail zurück in den Ausgang legen und erneut senden
refresh = Aktualisieren
list-empty = Hier ist nichts
check-row = Markieren, um mehrere Mails auf einmal zu bearbeiten
check-mail = { $subject } markieren
sort-hint = Nach dieser Spalte sortieren
col-date = Datum
col-to = An
col-subject = Betreff
col-queue-id = Queue-ID
col-delivery = Zustellung
col-recipient = Empfänger
col-state = Zustand
col-status = Status
col-details = Details
chart-sent = Gesendet
chart-delivered = Zugestellt
chart-problems = Unzustellbar
state-draft = Entwurf
state-queued = Wartet im Ausgang
state-sending = Wird gesendet
state-sent = Gesendet
state-failed = Fehlgeschlagen
state-uncertain = Unsicher: die Verbindung brach ab, bevor der Server antwortete
delivery-pending = Noch nicht gesendet
delivery-accepted = Vom Server angenommen
delivery-rejected = Vom Server abgelehnt
delivery-delivered = Zugestellt
delivery-relayed = Weitergeleitet
delivery-delayed = Verzögert
delivery-bounced = Unzustellbar
delivery-read = Gelesen

## The mail
tab-message = Nachricht
tab-sent = Versand
tab-delivery = Zustellung
delete = Löschen
edit = Bearbeiten
edit-queued-hint = Nimmt die Mail während der Bearbeitung aus dem Ausgang
send-now = Jetzt senden
resend = Erneut senden
edit-and-resend = Bearbeiten und erneut senden
edit-and-resend-hint = Öffnet eine neue Mail mit denselben Empfängern, demselben Text und denselben Anhängen; diese bleibt mit ihrer Aufzeichnung, bis Sie sie löschen
field-account = Konto
field-from = Von
field-to = An
field-cc = Cc
field-bcc = Bcc
field-reply-to = Antwort an
field-subject = Betreff
field-state = Zustand
field-created = Erstellt
field-size = Größe
field-requested = Angefordert
field-attachment = Anhang
field-date = Datum
field-server = Server
field-duration = Dauer
field-reply = Antwort
field-meaning = Bedeutung
field-queue-id = Queue-ID
field-status = Status
field-attempts = Versuche
field-next-attempt = Nächster Versuch
list-retry-at = Neuer Versuch { $time }
retry-while-open = Stempel sendet sie dann selbst, solange dieses Fenster offen ist. Ist das Fenster geschlossen, wartet die Mail, bis Stempel wieder geöffnet wird oder `stempel send` läuft.
date-hint = JJJJ-MM-TT
field-error = Fehler
field-what-happened = Was geschah
field-what-to-do = Was tun
field-body = Text
asked-delivery = Zustellbenachrichtigung
asked-read = Lesebestätigung
not-sent-yet = Noch nicht gesendet
not-encrypted = unverschlüsselt
duration-ms = { $ms } ms
outcome-sent = Gesendet: der Server hat die Verantwortung für die Mail übernommen
outcome-deferred = Zurückgestellt: Stempel versucht es später erneut
outcome-failed = Fehlgeschlagen
outcome-uncertain = Unsicher: der Server hat die Mail möglicherweise
sandbox-receipt = Quittung aus dem Sandkasten: diese Mail ging an den eingebauten Testserver und wurde nirgendwohin zugestellt.
proof = Nachweis
proof-stage-1 = Stufe 1: Ihr Mailserver hat die Mail angenommen (Kennung { $queue_id })
proof-stage-1-means = Das beweist, dass Ihr Server die Mail angenommen hat; es zeigt nicht, dass der Server des Empfängers sie hat.
proof-stage-2 = Stufe 2: der Server des Empfängers hat die Mail angenommen ({ $server }, { $when })
proof-stage-2-means = Das beweist, dass die Seite des Empfängers die Mail angenommen hat; es zeigt nicht, dass sie gelesen wurde.
proof-stage-2-waiting = Stufe 2: noch kein Zustellbericht; er kommt, wenn der Server des Empfängers die Mail annimmt
proof-stage-2-bounced = Stufe 2 wird nicht kommen: ein Bericht sagt, dass die Mail nicht zugestellt werden konnte (siehe Zustellung)
proof-stage-2-never = Stufe 2 kann nicht kommen: Ihr Mailserver bietet keine Zustellberichte (DSN)
proof-stage-3 = Stufe 3: der Empfänger hat die Mail geöffnet ({ $when })
proof-settled = Die Verbindung brach nach dem Senden ab; ein Bericht hat inzwischen gezeigt, dass der Server die Mail hatte.
transcript = Gespräch mit dem Server
copy = Kopieren
copy-hint = Das ganze Gespräch kopieren
timeline = Verlauf
timeline-accepted = Der Server hat die Mail angenommen (Queue-ID { $queue_id })
no-reports = Noch keine Zustellberichte
no-reports-sandbox = Es kommt kein Bericht: Die Sandbox stellt nichts zu.
no-reports-refused = Es kommt kein Bericht: Der Server hat die Mail abgelehnt, sie ging nirgendwohin.
no-reports-unsent = Berichte kommen, nachdem die Mail gesendet wurde.
event-details = Bericht: { $kind }, zugeordnet über { $matched }
raw-report = Der Bericht, wie er ankam:

## Compose
compose-title = Neue Mail
compose-edit-title = Mail bearbeiten
compose-no-account = Fügen Sie zuerst ein Konto hinzu (Konten im Menü links).
to-hint = kunde@example.com, weitere@example.com
invalid-addresses = Keine gültige Adresse: { $addresses }
attachments = Anhänge
add-files = Dateien hinzufügen…
compose-no-attachment = Der Text erwähnt eine Rechnung, aber nichts ist angehängt. Fügen Sie die Datei mit „Dateien hinzufügen…“ hinzu, oder drücken Sie dieselbe Schaltfläche noch einmal, um ohne sie fortzufahren.
picker-title = Dateien hinzufügen
picker-add = { $count ->
    [one] 1 Datei hinzufügen
   *[other] { $count } Dateien hinzufügen
}
picker-up = ⬆ Nach oben
picker-home = Persönlicher Ordner
picker-documents = Dokumente
picker-downloads = Downloads
picker-desktop = Schreibtisch
picker-folder = Ordner
picker-unreadable = Dieser Ordner kann nicht gelesen werden: { $reason }
picker-empty = Dieser Ordner ist leer.
drop-files-hint = oder Dateien auf das Fenster ziehen
remove = Entfernen
attachment-missing = { $name } wurde nicht gefunden
request-delivery = Zustellbenachrichtigung anfordern
request-delivery-hint = Der empfangende Server meldet, wann die Mail im Postfach ankam (wenn er Zustellbenachrichtigungen unterstützt)
request-read = Lesebestätigung anfordern
request-read-hint = Das Mailprogramm des Kunden kann ihn bitten, das Lesen zu bestätigen
save-draft = Entwurf speichern
put-in-buffer = In den Ausgang
put-in-buffer-hint = Die Mail versandbereit speichern; „Alle senden“ sendet sie
sandbox-example-subject = Rechnung FV/2026/11/001
sandbox-example-body = Guten Tag,

    anbei erhalten Sie die Rechnung für die im November erbrachten Leistungen.

    Mit freundlichen Grüßen
error-invalid-address = „{ $address }“ ist keine gültige E-Mail-Adresse
error-header-injection = Das Feld { $field } enthält einen Zeilenumbruch, der nicht erlaubt ist
error-no-recipients = Die Mail braucht mindestens einen Empfänger
error-attachment = Der Anhang { $path } kann nicht gelesen werden: { $reason }
error-attachment-not-file = Der Anhang { $path } ist keine Datei
error-choose-account = Wählen Sie das Konto, von dem gesendet wird

## Accounts
accounts-title = Konten
account-add = Konto hinzufügen
account-add-sandbox = Sandkasten-Konto hinzufügen
account-sandbox-hint = Ein Testserver in Stempel: nimmt Mails mit Quittung an und stellt nichts zu
account-test = Verbindung testen
account-test-hint = Verbinden, verschlüsseln, anmelden und beenden, mit dem ganzen Gespräch
account-testing = { $account } wird getestet…
account-test-ok = { $account } funktioniert: verbunden, verschlüsselt und angemeldet
account-test-failed = Konto { $account } funktioniert nicht: { $meaning }
account-remove = Entfernen
account-remove-title = Das Konto { $account } entfernen?
account-remove-warning = Seine Einstellungen und sein gespeichertes Passwort werden entfernt. Gesendete Mails bleiben mit ihren Nachweisen unter Gesendet; Mails, die noch im Ausgang oder in den Entwürfen warten, verhindern das Entfernen.
keychain-failed-session = Der Schlüsselbund konnte das Passwort von { $account } nicht speichern. Es wird nur für diese Sitzung behalten: Damit es einen Neustart übersteht, geben Sie einen Befehl an, der es ausgibt.
account-new-title = Neues Konto
account-edit-title = Konto bearbeiten
account-preset = Anbieter
account-preset-none = Anderer (Server eingeben)
account-name = Name
account-from = Absender (Name <Adresse>)
account-smtp = Versand (SMTP)
account-imap = Berichte (IMAP)
account-imap-hint = optional: hier kommen Unzustellbarkeitsmeldungen und Lesebestätigungen an
account-host = { $protocol }-Server
account-port = { $protocol }-Port
account-security = { $protocol }-Sicherheit
account-user = { $protocol }-Benutzername
account-login = Anmeldung
login-password = Passwort
login-xoauth2 = OAuth-2.0-Token (XOAUTH2)
login-xoauth2-hint = Für Gmail und Microsoft 365 ohne Passwörter: der Passwortbefehl des Kontos gibt ein aktuelles Zugriffstoken aus (zum Beispiel von oama oder mailctl)
account-password = Passwort
account-password-hint = dort aufbewahrt, wo oben gewählt
account-password-keep = Passwort aufbewahren
keep-keychain = Im Schlüsselbund
keep-command = Von einem Befehl
keep-command-hint = Ein Befehl, der das Passwort ausgibt, bei jeder Anmeldung ausgeführt (etwa der eines Passwortmanagers)
keep-session = Nur für diese Sitzung
keep-session-hint = Im Speicher, bis das Fenster geschlossen wird; nach einem Neustart fragt Stempel erneut
keychain-unavailable = Dieser Computer hat keinen Schlüsselbund, den Stempel erreichen kann, daher kann das Passwort dort nicht gespeichert werden. Geben Sie einen Befehl an, der es ausgibt, oder behalten Sie es nur für diese Sitzung.
account-password-command = Passwortbefehl
password-by-command = Passwort per Befehl
password-this-session = Passwort für diese Sitzung
password-in-keychain = Passwort im Schlüsselbund
password-missing = Kein Passwort
security-starttls = STARTTLS (Port 587)
security-tls = TLS (Port 465 / 993)
security-none = Keine (nur lokales Relay)
save = Speichern
error-account-name = Das Konto braucht einen Namen
error-port = „{ $port }“ ist keine Portnummer
error-smtp-host = Das Konto braucht einen SMTP-Server
error-password-command = Geben Sie den Befehl an, der das Passwort ausgibt

## Settings
settings-title = Einstellungen
settings-language = Sprache
settings-language-system = Wie das System
settings-theme = Darstellung
theme-system = Wie das System
theme-light = Hell
theme-dark = Dunkel
settings-scan-interval = Berichte prüfen alle
settings-data-folder = Datenordner
settings-settings-file = Einstellungsdatei
settings-interval-note = Ein neues Intervall gilt ab dem nächsten Start.

## Command line
cli-nothing-to-send = nichts zu senden
cli-mail-sent = Mail { $id } gesendet, Queue-ID { $queue_id }
cli-mail-deferred = Mail { $id } zurückgestellt bis { $time }: { $why }
cli-mail-failed = Mail { $id } fehlgeschlagen: { $why }
cli-mail-uncertain = Mail { $id } unsicher: { $why }
cli-send-summary = gesendet: { $sent }, zurückgestellt: { $deferred }, fehlgeschlagen: { $failed }, unsicher: { $uncertain }
cli-queue-id = Queue-ID: { $queue_id }
cli-what-to-do = was tun: { $advice }
cli-account-added = Konto { $account } hinzugefügt
cli-set-password = Passwort speichern mit: { $command }
notice-tightened = { $path } war für andere Benutzer dieses Computers lesbar; jetzt haben nur Sie Zugriff.
cli-sandbox-needs-window = { $count ->
    [one] 1 Mail ist für die Sandbox, die nur bei geöffnetem Stempel-Fenster läuft: senden Sie sie aus dem Fenster.
   *[other] { $count } Mails sind für die Sandbox, die nur bei geöffnetem Stempel-Fenster läuft: senden Sie sie aus dem Fenster.
}
cli-attempt = Versuch { $n } am { $time }
account-removed = Konto „{ $account }“ entfernt.
account-removed-kept = Konto „{ $account }“ entfernt; seine gesendeten Mails und ihre Nachweise bleiben unter Gesendet.
cli-password-not-removed = das Passwort konnte nicht aus dem Schlüsselbund entfernt werden: { $reason }
cli-scan-summary = { $account }: Ordner: { $folders }, abgerufene Mails: { $fetched }, Berichte: { $reports }, Änderungen: { $changes }
cli-no-imap = kein Konto hat IMAP-Einstellungen
cli-no-window = dieses stempel wurde ohne Fenster gebaut; geben Sie einen Befehl an (siehe --help)
cli-not-a-reply = „{ $reply }“ ist keine SMTP-Antwort (sie beginnt mit keinem Code)
cli-account-name = ein Kontoname muss nicht leerer Text sein
cli-no-preset = keine Vorgabe „{ $preset }“; siehe `stempel account presets`
cli-smtp-settings = geben Sie --smtp-host, --smtp-port und --smtp-security an, oder --preset
cli-unknown-security = unbekannte Sicherheit „{ $security }“
cli-no-ca-file = die CA-Datei { $path } existiert nicht
cli-body-file = die Textdatei { $path } kann nicht gelesen werden: { $reason }
cli-no-body = geben Sie --body oder --body-file an
cli-no-imap-settings = Konto „{ $account }“ hat keine IMAP-Einstellungen (--imap-host und die übrigen ergänzen)

## The store's refusals
store-newer-schema = die Datenbank wurde von einem neueren Stempel geschrieben (Schemaversion { $found }, diese Version kennt bis { $known }); aktualisieren Sie Stempel, um sie zu öffnen
store-illegal-transition = Mail { $id } kann nicht von { $from } zu { $to } wechseln
store-no-such-message = keine Mail mit der Nummer { $id }
store-no-such-account = kein Konto namens „{ $account }“
store-account-exists = ein Konto namens „{ $account }“ existiert bereits
store-account-in-use = { $count ->
    [one] Konto „{ $account }“ hat noch 1 Mail im Ausgang oder in den Entwürfen; senden oder löschen Sie sie zuerst
   *[other] Konto „{ $account }“ hat noch { $count } Mails im Ausgang oder in den Entwürfen; senden oder löschen Sie sie zuerst
}
store-not-deletable = Mail { $id } ist { $state } und kann nicht gelöscht werden (nur Entwürfe, Mails im Ausgang und fehlgeschlagene)

## Explanations of server replies and failures
smtp-app-password = der Server verlangt ein App-Passwort, nicht das normale Passwort des Kontos
smtp-app-password-advice = erstellen Sie in den Sicherheitseinstellungen des Kontos ein App-Passwort (bei Gmail: Google-Konto, Sicherheit, App-Passwörter) und speichern Sie es beim Konto
smtp-auth-policy = der empfangende Server hat die Mail abgelehnt, weil die Domain des Absenders die SPF-, DKIM- oder DMARC-Prüfung nicht bestand
smtp-auth-policy-advice = bitten Sie den Betreiber Ihrer Domain, SPF- und DKIM-Einträge für den Server zu veröffentlichen, über den Sie senden
smtp-accepted = der Server hat die Mail angenommen
smtp-accepted-advice = nichts zu tun; Zustellberichte können folgen
smtp-rate-limited = der Server begrenzt, wie schnell er Mails von Ihnen annimmt
smtp-rate-limited-advice = Stempel versucht es später von selbst erneut; senden Sie weniger Mails auf einmal, wenn es sich wiederholt
smtp-421 = der Server ist gerade nicht verfügbar und hat die Verbindung geschlossen
smtp-421-advice = Stempel versucht es später von selbst erneut
smtp-450 = das Postfach des Empfängers ist vorübergehend nicht verfügbar (belegt, oder der Server verzögert neue Absender)
smtp-450-advice = Stempel versucht es später von selbst erneut
smtp-greylisted = der Server verzögert Mails von Absendern, die er noch nicht kennt (Greylisting), oder prüft sie auf Spam
smtp-greylisted-advice = Stempel versucht es später von selbst erneut; meist geht die Mail innerhalb einer Stunde durch
smtp-451 = der Server hatte ein vorübergehendes Problem mit der Mail
smtp-451-advice = Stempel versucht es später von selbst erneut
smtp-452 = dem Server fehlt Speicherplatz, oder er bekam zu viele Empfänger auf einmal
smtp-452-advice = Stempel versucht es später von selbst erneut; weniger Empfänger pro Mail helfen
smtp-454 = der Server konnte gerade weder die Verschlüsselung starten noch die Anmeldung prüfen
smtp-454-advice = Stempel versucht es später von selbst erneut
smtp-500 = der Server hat einen Befehl nicht verstanden
smtp-500-advice = prüfen Sie Server und Port des Kontos; oft hat ein Dienst geantwortet, der kein Mailserver ist
smtp-501 = der Server hat die Form eines Befehls abgelehnt, oft wegen einer fehlerhaften Adresse
smtp-501-advice = prüfen Sie die Adressen von Absender und Empfängern
smtp-502 = der Server unterstützt einen Befehl nicht, den Stempel braucht
smtp-502-advice = prüfen Sie Server und Port des Kontos
smtp-503 = der Server erwartete die Befehle in anderer Reihenfolge, oft weil er zuerst eine Anmeldung will
smtp-503-advice = prüfen Sie, ob das Konto einen Benutzernamen und ein Passwort hat
smtp-504 = der Server unterstützt einen Parameter nicht, den Stempel gesendet hat
smtp-504-advice = prüfen Sie Server und Port des Kontos
smtp-530 = der Server verlangt eine Anmeldung oder Verschlüsselung, bevor er Mails annimmt
smtp-530-advice = geben Sie dem Konto Benutzername und Passwort und verwenden Sie STARTTLS oder TLS
smtp-534 = der Server verlangt ein stärkeres Anmeldeverfahren oder ein App-Passwort
smtp-534-advice = erstellen Sie in den Sicherheitseinstellungen des Mailkontos ein App-Passwort für Stempel
smtp-535 = der Server hat das Passwort abgelehnt; Gmail braucht ein App-Passwort
smtp-535-advice = prüfen Sie den Benutzernamen und speichern Sie das richtige Passwort (ein App-Passwort für Gmail, Microsoft 365 mit MFA, Seznam, WP)
smtp-token-refused = der Server hat das OAuth-2.0-Token abgelehnt: es kann abgelaufen sein oder keine Berechtigung für Mail haben
smtp-token-refused-advice = prüfen Sie den Passwortbefehl des Kontos: er muss ein aktuelles Zugriffstoken für diese Adresse mit Mail-Berechtigung ausgeben
smtp-user-unknown = die Empfängeradresse existiert nicht
smtp-user-unknown-advice = prüfen Sie die Adresse auf Tippfehler oder fragen Sie den Kunden nach der richtigen
smtp-domain-unknown = die Domain des Empfängers existiert nicht oder nimmt keine Mails an
smtp-domain-unknown-advice = prüfen Sie den Teil der Adresse nach dem @
smtp-mailbox-full = das Postfach des Empfängers ist voll
smtp-mailbox-full-advice = informieren Sie den Kunden auf anderem Weg oder versuchen Sie es in ein paar Tagen erneut
smtp-too-big = die Mail ist größer, als der Server annimmt
smtp-too-big-advice = verkleinern Sie die Anhänge oder senden Sie sie einzeln
smtp-policy = der Server hat die Mail nach seinen Regeln abgelehnt: Weiterleitung nicht erlaubt, Absender nicht zugelassen oder Spamverdacht
smtp-policy-advice = prüfen Sie, ob die Absenderadresse zu dem Konto gehört, über das Sie senden
smtp-550 = der Server hat die Mail für dieses Postfach abgelehnt
smtp-550-advice = lesen Sie die Antwort des Servers im Gesprächsprotokoll; meist ist die Adresse falsch
smtp-551 = dieser Server ist für den Empfänger nicht zuständig
smtp-551-advice = prüfen Sie die Empfängeradresse
smtp-552 = die Mail überschreitet den Speicher, den der Server erlaubt (zu groß, oder das Postfach ist voll)
smtp-552-advice = verkleinern Sie die Anhänge oder versuchen Sie es später erneut
smtp-553 = der Server lässt diese Adresse nicht zu (als Absender oder als Empfänger)
smtp-553-advice = prüfen Sie, ob die Absenderadresse zum Konto gehört und der Empfänger richtig geschrieben ist
smtp-spam = der Server hat die Mail als Spam oder nach seinen Regeln abgelehnt
smtp-spam-advice = prüfen Sie, was in Text und Anhängen nach Spam aussehen könnte, und die Einstellungen der Absender-Domain
smtp-554 = der Server hat die Mail abgelehnt
smtp-554-advice = lesen Sie die Antwort des Servers im Gesprächsprotokoll
smtp-temporary = der Server hat die Mail vorerst abgelehnt
smtp-temporary-advice = Stempel versucht es später von selbst erneut
smtp-permanent = der Server hat die Mail abgelehnt
smtp-permanent-advice = lesen Sie die Antwort des Servers im Gesprächsprotokoll
smtp-unknown-reply = der Server gab eine Antwort, die Stempel nicht kennt
smtp-unknown-reply-advice = lesen Sie die Antwort des Servers im Gesprächsprotokoll
smtp-dns = der Name des Servers wurde nicht gefunden
smtp-dns-advice = prüfen Sie den Servernamen im Konto und die Internetverbindung
smtp-refused = der Server hat die Verbindung auf diesem Port abgelehnt
smtp-refused-advice = prüfen Sie den Port: 587 für STARTTLS, 465 für TLS
smtp-connect-timeout = der Server hat auf die Verbindung nicht geantwortet
smtp-connect-timeout-advice = prüfen Sie Servername und Port und ob eine Firewall ausgehende Mails sperrt
smtp-connect = Stempel konnte keine Verbindung zum Server herstellen
smtp-connect-advice = prüfen Sie die Internetverbindung, den Servernamen und den Port
smtp-timeout = der Server hat aufgehört zu antworten
smtp-timeout-advice = Stempel versucht es später von selbst erneut
smtp-uncertain = die Verbindung brach ab, nachdem die ganze Mail gesendet war und bevor der Server sie bestätigte; der Server hat sie vielleicht, vielleicht nicht
smtp-uncertain-advice = fragen Sie den Empfänger, ob sie angekommen ist, bevor Sie sie erneut senden
smtp-connection-lost = die Verbindung zum Server ist abgebrochen
smtp-connection-lost-advice = Stempel versucht es später von selbst erneut
smtp-starttls-missing = der Server bietet keine Verschlüsselung (STARTTLS) an, Passwort und Mail gingen also im Klartext
smtp-starttls-missing-advice = prüfen Sie den Port (587 bietet STARTTLS, 465 nutzt TLS von Anfang an); Stempel sendet nicht unverschlüsselt
smtp-auth-plaintext = die Verbindung ist nicht verschlüsselt, deshalb sendet Stempel das Passwort nicht darüber
smtp-auth-plaintext-advice = wählen Sie für dieses Konto STARTTLS oder TLS
smtp-auth-not-offered = der Server bietet kein Anmeldeverfahren an, das Stempel nutzen kann
smtp-auth-not-offered-advice = prüfen Sie den Port: Anmeldung gibt es meist auf 587 oder 465, nicht auf 25
smtp-size-exceeded = die Mail ist größer als das angekündigte Limit des Servers und wurde deshalb nicht gesendet
smtp-size-exceeded-advice = verkleinern Sie die Anhänge oder senden Sie sie einzeln
smtp-utf8-address = eine Adresse hat Nicht-ASCII-Zeichen vor dem @, und der Server kann sie nicht übertragen
smtp-utf8-address-advice = verwenden Sie für diesen Empfänger eine ASCII-Adresse
smtp-bad-address = eine Adresse kann so nicht gesendet werden
smtp-bad-address-advice = prüfen Sie die Adressen von Absender und Empfängern
smtp-protocol = der Server hat auf eine Weise geantwortet, die das Mailprotokoll verletzt
smtp-protocol-advice = prüfen Sie Server und Port; Stempel versucht es später erneut
smtp-local = Stempel konnte den Versand nicht in seiner Datenbank festhalten und hat deshalb vorzeitig aufgehört
smtp-local-advice = prüfen Sie den freien Speicherplatz; die Mail bleibt im Ausgang
tls-cert-expired = das Zertifikat des Servers ist abgelaufen
tls-cert-expired-advice = der Betreiber des Servers muss es erneuern; bis dahin werden dorthin keine Mails gesendet
tls-cert-wrong-host = das Zertifikat des Servers gehört zu einem anderen Namen als dem im Konto
tls-cert-wrong-host-advice = verwenden Sie den vom Anbieter dokumentierten Servernamen (z. B. smtp.gmail.com)
tls-cert-untrusted = das Zertifikat des Servers ist nicht von einer Stelle signiert, der dieser Computer vertraut
tls-cert-untrusted-advice = verwenden Sie den dokumentierten Servernamen des Anbieters oder geben Sie dem Konto seine CA-Datei
tls-cert-invalid = das Zertifikat des Servers ist ungültig
tls-cert-invalid-advice = prüfen Sie den Servernamen; Stempel sendet nur an Server, die es überprüfen kann
tls-old-version = der Server bietet nur veraltete Verschlüsselung an (älter als TLS 1.2)
tls-old-version-advice = bitten Sie den Anbieter um einen aktuellen Server; Stempel verwendet kein TLS älter als 1.2
tls-handshake = die Verschlüsselung mit dem Server konnte nicht aufgebaut werden
tls-handshake-advice = prüfen Sie Port und Sicherheit (587 mit STARTTLS, 465 mit TLS)
secret-missing = für dieses Konto ist kein Passwort gespeichert
secret-missing-advice = speichern Sie das Passwort dieses Kontos (Konten)
secret-empty = das Passwort dieses Kontos ist leer (Schlüsselbund oder Passwort-Befehl lieferten nichts)
secret-empty-advice = speichern Sie das Passwort erneut oder prüfen Sie den Passwort-Befehl; Stempel versucht es später erneut
secret-unavailable = das Passwort konnte weder aus dem Schlüsselbund noch vom Passwort-Befehl gelesen werden
secret-unavailable-advice = entsperren Sie den Schlüsselbund oder geben Sie dem Konto einen Passwort-Befehl; Stempel versucht es später erneut
smtp-unexpected-reply = der Server gab eine Antwort, die nicht zu diesem Schritt des Gesprächs passt
smtp-unexpected-reply-advice = prüfen Sie Servername, Port und Sicherheit des Kontos; Stempel versucht es später erneut
smtp-greeting-timeout = der Server hat Stempel nicht begrüßt; so schweigt ein Port, der TLS ab dem ersten Byte erwartet (465)
smtp-greeting-timeout-advice = prüfen Sie Port und Sicherheit des Kontos: TLS für Port 465, STARTTLS für 587
tls-setup = die CA-Datei des Kontos kann nicht verwendet werden
tls-setup-advice = prüfen Sie die für dieses Konto angegebene CA-Datei

## Bounce reasons
bounce-user-unknown = die Adresse existiert nicht
bounce-mailbox-full = das Postfach des Empfängers ist voll
bounce-domain-not-found = die Domain des Empfängers existiert nicht oder nimmt keine Mails an
bounce-too-large = die Mail ist zu groß für den Server des Empfängers
bounce-spam = der Server des Empfängers hielt die Mail für Spam
bounce-policy = der Server des Empfängers hat die Mail nach seinen Regeln abgelehnt
bounce-suspended = das Postfach des Empfängers ist deaktiviert oder gesperrt
bounce-expired = die Mail konnte nicht rechtzeitig zugestellt werden und wurde aufgegeben
bounce-host-unreachable = der Server des Empfängers war nicht erreichbar
bounce-rate-limited = der Server des Empfängers begrenzt, wie viele Mails er annimmt
bounce-delivered = die Mail wurde zugestellt
bounce-other = die Mail konnte nicht zugestellt werden

## Provider hints
preset-gmail = Gmail braucht ein App-Passwort: Bestätigung in zwei Schritten einschalten, dann unter Google-Konto, Sicherheit, App-Passwörter eines erstellen und es als Passwort dieses Kontos verwenden
preset-microsoft365 = der Administrator muss SMTP AUTH für dieses Postfach erlauben; bei mehrstufiger Anmeldung ein App-Passwort verwenden
preset-outlook = bei zweistufiger Überprüfung ein App-Passwort aus den Sicherheitseinstellungen des Microsoft-Kontos verwenden
preset-seznam = den Zugriff anderer Mailprogramme in den Einstellungen des Seznam-Postfachs erlauben; bei Zwei-Faktor-Anmeldung ein Anwendungspasswort verwenden
preset-wp = den Zugriff über Mailprogramme (IMAP/SMTP) in den Einstellungen von WP Poczta einschalten
preset-o2 = den Zugriff über Mailprogramme (IMAP/SMTP) in den Einstellungen von o2 Poczta einschalten
preset-interia = den Zugriff über Mailprogramme in den Einstellungen von Interia Poczta einschalten; der Benutzername ist die vollständige E-Mail-Adresse
preset-onet = den Zugriff für Mailprogramme (IMAP, POP3, SMTP) in den Einstellungen von Onet Poczta einschalten; der Benutzername ist die vollständige E-Mail-Adresse
preset-homepl = den Namen Ihres Servers (etwa serwer123456.home.pl) aus dem Kundenbereich von home.pl in beide Serverfelder eintragen; der Benutzername ist die vollständige E-Mail-Adresse
preset-nazwapl = den Namen Ihres Servers (etwa server123456.nazwa.pl) aus dem Kundenbereich von nazwa.pl in beide Serverfelder eintragen; der Benutzername ist die vollständige E-Mail-Adresse
preset-centrum = der Benutzername ist die vollständige E-Mail-Adresse; bei Anmeldung in zwei Schritten ein Anwendungspasswort verwenden
preset-active24 = der Benutzername ist die vollständige E-Mail-Adresse
preset-gmx = POP3/IMAP-Zugriff im GMX-Postfach unter E-Mail-Einstellungen, POP3 & IMAP einschalten
preset-webde = POP3/IMAP-Zugriff im WEB.DE-Postfach unter E-Mail-Einstellungen, POP3 & IMAP einschalten
preset-ionos = die vollständige E-Mail-Adresse als Benutzernamen verwenden (außerhalb Deutschlands smtp.ionos.com / imap.ionos.com)

## proof.pdf, the confirmation of sending in the evidence file
pdf-title = Versandbestätigung
pdf-subtitle = Erstellt von Stempel { $version } am { $when }
pdf-mail = Die E-Mail
pdf-from = Absender
pdf-to = An
pdf-cc = Kopie
pdf-bcc = Blindkopie
pdf-subject = Betreff
pdf-message-id = Message-ID
pdf-sent = Gesendet
pdf-size = Größe
pdf-sha256 = SHA-256 von message.eml
pdf-attachments = Anhänge
pdf-no-attachments = Keine Anhänge.
pdf-stages = Was belegt ist
pdf-connection = Verbindung zu Ihrem Mailserver
pdf-server = Server
pdf-address = Adresse
pdf-tls = Verschlüsselung
pdf-tls-none = keine
pdf-certificate = Zertifikat
pdf-cert-verified = geprüft
pdf-cert-not-verified = nicht geprüft
pdf-fingerprint = Fingerabdruck (SHA-256)
pdf-server-reply = Antwort des Servers
pdf-queue-id = Queue-ID
pdf-timestamp = Zeitstempel
pdf-timestamp-line = Die Quittung, wie sie direkt nach dem Senden vorlag (receipt-at-send.json), wurde von { $authority } am { $when } mit einem Zeitstempel versehen.
pdf-timestamp-pending = Noch kein Zeitstempel; der letzte Versuch schlug fehl: { $reason }
pdf-timestamp-none = Kein Zeitstempel: beim Senden war kein Zeitstempeldienst eingestellt.
pdf-timeline = Verlauf
pdf-check = So prüfen Sie diesen Nachweis
pdf-check-intro = Dieses Dokument liegt in einer ZIP-Datei mit der E-Mail genau wie gesendet (message.eml), ihren Anhängen, den Zustellberichten wie empfangen und der Quittung (receipt.json). Entpacken Sie sie und führen Sie in ihrem Ordner diese Befehle aus.
pdf-check-sums = Jede Datei gegen ihren SHA-256:
pdf-check-stamp = Jeden Zeitstempel, sofern die ZIP-Datei seine .tsr-Datei enthält (CA.pem: das Stammzertifikat des Zeitstempeldienstes):
pdf-check-stempel = Oder alles auf einmal mit Stempel:
pdf-transcript = SMTP-Gespräch, Versuch { $n }
pdf-page = Seite { $page } von { $pages }

## stempel proof and stempel verify
cli-proof-no-fresh-stamp = die Nachweisdatei ist ohne frischen Zeitstempel über SHA256SUMS geschrieben: { $reason }
cli-verify-unreadable = { $path } kann nicht gelesen werden: { $reason }
cli-verify-not-evidence = { $path } ist keine Nachweisdatei von Stempel: { $reason }
cli-stamp-summary = Zeitstempel: { $stamped } Quittungen gestempelt, { $failed } werden später erneut versucht
cli-stamp-problem = noch kein Zeitstempel (wird später erneut versucht): { $reason }
verify-matches = { $file }: SHA-256 stimmt mit SHA256SUMS überein
verify-missing = { $file }: in SHA256SUMS aufgeführt, fehlt aber
verify-changed = { $file }: VERÄNDERT, sein SHA-256 ist nicht der aus SHA256SUMS
verify-unlisted = { $file }: nicht in SHA256SUMS aufgeführt (nachträglich hinzugefügt)
verify-differs = { $file }: passt nicht zum SHA-256, den receipt.json dafür nennt
verify-stamped = { $file }: Zeitstempel gültig ({ $when }, { $authority })
verify-stamp-fails = { $file }: Zeitstempel NICHT gültig: { $reason }
verify-no-stamp = { $file }: kein Zeitstempel in der Datei
verify-unstamped-note = Nichts zeigt, wann diese Datei entstand: sie hat keinen Zeitstempel (kein Zeitstempeldienst war eingestellt).
verify-all-holds = Alles stimmt.
verify-something-off = { $count ->
    [one] Eine Prüfung stimmt nicht.
   *[other] { $count } Prüfungen stimmen nicht.
}

## The evidence file and time stamps in the window
save-proof = Nachweis speichern…
save-proof-hint = Eine ZIP-Datei, die jeder prüfen kann: die E-Mail wie gesendet, ihre Anhänge, die Zustellberichte, die Quittung, eine PDF-Bestätigung, Prüfsummen und Zeitstempel.
proof-stamp = Zeitstempel der Quittung: { $authority }, { $when }
proof-stamp-waiting = Noch kein Zeitstempel ({ $reason }); nächster Versuch { $when }
proof-stamp-none = Kein Zeitstempel: Wählen Sie in den Einstellungen einen Zeitstempeldienst, damit jede Quittung gestempelt wird.
toast-stamp-problem = Zeitstempel können nicht erstellt werden: { $reason }
toast-proof-saved = Nachweis gespeichert: { $path }
toast-copy-to-edit = Eine Kopie der Mail ist zum Bearbeiten geöffnet. Die fehlgeschlagene Mail bleibt mit ihrer Aufzeichnung unter Fehlgeschlagen, bis Sie sie löschen.
toast-proof-no-fresh-stamp = Der Nachweis wurde ohne frischen Zeitstempel gespeichert: { $reason }
toast-proof-failed = Der Nachweis konnte nicht gespeichert werden: { $reason }
settings-tsa = Zeitstempeldienst
settings-tsa-none = Keiner
settings-tsa-other = Anderer (URL)
settings-tsa-url = Adresse des Dienstes
settings-tsa-ca = Seine CA-Datei (PEM)
settings-tsa-qualified = qualifiziert (eIDAS)
settings-tsa-own-root = braucht seine CA-Datei
settings-tsa-note = Jede Quittung direkt nach dem Senden und jeder gespeicherte Nachweis erhält von diesem Dienst einen Zeitstempel (RFC 3161): der Beleg, dass sie zu dieser Zeit existierte, prüfbar mit openssl.

## Invoices: templates, customers, bulk sheets
template-unclosed = die Klammer {"{"} an Zeichen { $at } wird nicht geschlossen (eine Klammer schreiben Sie als {"{{"})
template-unopened = die Klammer {"}"} an Zeichen { $at } schließt nichts (eine Klammer schreiben Sie als {"}}"})
template-bad-name = {"{"}{ $name }{"}"} ist kein Feldname: verwenden Sie Kleinbuchstaben, Ziffern und _
template-unknown = unbekannter Platzhalter {"{"}{ $name }{"}"}: verwenden Sie ein Standardfeld oder fügen Sie ihn als zusätzliches Feld der Vorlage hinzu
template-unknown-suggest = unbekannter Platzhalter {"{"}{ $name }{"}"}; meinten Sie {"{"}{ $suggestion }{"}"}?
template-missing = kein Wert für den Platzhalter {"{"}{ $name }{"}"}
template-empty = eine Vorlage braucht einen Namen und einen Betreff
store-invoice-already-queued = Rechnung { $invoice } wurde für diesen Empfänger bereits als Mail { $id } in den Puffer gelegt; um sie bewusst erneut zu senden, verwenden Sie „erneut senden“
store-customer-exists = ein Kunde mit diesem Namen oder dieser Steuernummer existiert bereits: { $customer }
store-no-such-customer = kein Kunde „{ $customer }“
bulk-no-file = keine Rechnungsdatei angegeben
bulk-file-unreadable = { $path } kann nicht gelesen werden: { $reason }
bulk-no-recipient = keine Adresse: geben Sie eine E-Mail-Spalte oder einen Kunden mit Adresse an
bulk-unknown-customer = kein Kunde „{ $customer }“ (legen Sie ihn unter Kunden an oder geben Sie eine E-Mail-Spalte an)
bulk-invalid-address = „{ $address }“ ist keine gültige Adresse: { $reason }
bulk-bounced-before = die letzte Mail an { $address } kam nicht an: { $why }
bulk-already-queued = Rechnung { $invoice } liegt bereits im Puffer oder ging an diese Adresse (Mail { $id })
bulk-repeated = Rechnung { $invoice } an dieselbe Adresse steht bereits in Zeile { $line }
bulk-no-template = keine Vorlage „{ $template }“
bulk-no-value = kein Wert für {"{"}{ $field }{"}"} in dieser Zeile
sheet-empty = die Tabelle ist leer
sheet-not-utf8 = Zeile { $line } ist kein UTF-8-Text; speichern Sie die Tabelle als „CSV UTF-8“
sheet-malformed = Zeile { $line } kann nicht gelesen werden: { $reason }
sheet-duplicate-column = die Spalte „{ $column }“ kommt zweimal vor
sheet-missing-column = die Vorlage ({ $language }) verwendet {"{"}{ $column }{"}"}, und die Tabelle hat keine Spalte „{ $column }“
sheet-template = die Vorlage ({ $language }): { $reason }
batch-unreadable = { $path } kann nicht gelesen werden: { $reason }
batch-pattern = das Dateinamenmuster: { $reason }
batch-no-account = es gibt kein Konto zum Senden; legen Sie zuerst eines an
batch-which-account = es gibt mehrere Konten; wählen Sie das Konto zum Senden (--account)
batch-bad-rows = { $count ->
    [one] eine Zeile kann nicht in den Puffer gelegt werden
   *[other] { $count } Zeilen können nicht in den Puffer gelegt werden
}
batch-not-a-file = keine Datei
cli-batch-row = Zeile { $line }: { $problem }
cli-batch-refused = { $count ->
    [one] nichts wurde in den Puffer gelegt: eine Zeile hat ein Problem (siehe oben; --skip-bad legt die guten Zeilen in den Puffer)
   *[other] nichts wurde in den Puffer gelegt: { $count } Zeilen haben Probleme (siehe oben; --skip-bad legt die guten Zeilen in den Puffer)
}
cli-batch-queued = { $count ->
    [one] eine Mail in den Puffer gelegt
   *[other] { $count } Mails in den Puffer gelegt
}
cli-import-refused = { $count ->
    [one] nichts wurde importiert: eine Zeile hat ein Problem (siehe oben)
   *[other] nichts wurde importiert: { $count } Zeilen haben Probleme (siehe oben)
}
cli-customers-imported = Kunden hinzugefügt: { $added }, aktualisiert: { $changed }
cli-customer-removed = Kunde { $customer } entfernt; seine Mails bleiben
cli-customer-no-name = ein Kunde braucht einen Namen
cli-customer-no-email = Kunde { $customer } braucht mindestens eine Adresse
cli-template-shipped = (mitgeliefert)
cli-no-template = keine Vorlage „{ $template }“ in der Sprache { $language }
customer-tax-id = Steuernummer
customer-email = E-Mail
customer-cc = Kopie an
customer-language = Sprache
customer-notes = Notizen
customer-recent-mails = Letzte Mails:
field-invoice-number = Rechnung
nav-invoices = Rechnungen senden
nav-customers = Kunden
nav-templates = Vorlagen
bulk-title = Rechnungen senden
bulk-hint = Ziehen Sie die Rechnungs-PDFs ins Fenster, dazu eine CSV-Tabelle, die sagt, wohin jede geht, oder wählen Sie sie aus. Ohne Tabelle wird der Kunde jeder Datei an ihrem Namen erkannt.
bulk-choose-files = Dateien wählen…
bulk-sheet = Tabelle: { $sheet }
bulk-files = { $count ->
    [one] eine Rechnungsdatei
   *[other] { $count } Rechnungsdateien
}
bulk-clear = Neu beginnen
bulk-template = Vorlage
bulk-pattern = Dateinamen
bulk-check = Prüfen
bulk-left-out = { $count ->
    [one] eine Zeile hat ein Problem und wird ausgelassen; ihre Probleme stehen in der letzten Spalte; korrigieren Sie die Datei oder eine Adresse in der Tabelle und prüfen Sie erneut
   *[other] { $count } Zeilen haben Probleme und werden ausgelassen; ihre Probleme stehen in der letzten Spalte; korrigieren Sie die Datei oder Adressen in der Tabelle und prüfen Sie erneut
}
bulk-queue = { $count ->
    [one] Eine in den Puffer legen
   *[other] { $count } in den Puffer legen
}
bulk-col-line = Zeile
bulk-col-file = Datei
bulk-col-customer = Kunde
bulk-col-to = An
bulk-col-subject = Betreff
bulk-col-problems = Probleme
customers-title = Kunden
customers-new = Neuer Kunde
customers-search = Nach Name, Steuernummer oder Adresse suchen
customers-empty = Noch keine Kunden. Legen Sie einen an oder importieren Sie eine Tabelle mit `stempel customer import`.
customer-name = Name
customer-language-window = wie das Fenster
customer-save = Kunde speichern
customer-remove = Kunde entfernen
templates-title = Vorlagen
templates-new = Neue Vorlage
templates-shipped = mitgeliefert
templates-own = eigene
template-name = Name
template-fields = Zusätzliche Felder
template-placeholders = Platzhalter: { $fields } und die zusätzlichen Felder, gefüllt aus den gleichnamigen Spalten der Tabelle.
template-save = Vorlage speichern
template-remove = Entfernen (die mitgelieferte kehrt zurück)
invoice-number-hint = z. B. RE/2026/11/001: geht nicht zweimal an dieselbe Adresse
bulk-to-of-line = An, Zeile { $line }
customers-choose = Wählen Sie einen Kunden, um ihn zu ändern und seine Mails zu sehen.
templates-choose = Wählen Sie eine Vorlage, um sie zu ändern.
