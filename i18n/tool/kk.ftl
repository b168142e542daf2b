# Бағдарламаның өз хабарлары (bitimger мұғалімге не айтады), қазақша.
# en.ftl және ru.ftl файлдарындағы идентификаторлар мен айнымалылар
# осында да сондай (оны тест тексереді).

## Әр мәселенің жақтауы
diag-error = қате
diag-warning = ескерту
diag-help = кеңес
diag-note = ескертпе
# әр мәселенің кеңесінен кейін; $code: оның коды, мысалы club/unknown-region
diag-explain = Толығырақ: `bitimger explain { $code }`.

## Саны
count-errors = { $n } қате
count-warnings = { $n } ескерту
count-files = { $n } файл
counts = { $errors }, { $warnings }

## check
check-clean = { $site } қалтасында ешқандай мәселе табылған жоқ.
check-found = Табылды: { $counts }.

## Анықтамалыққа қосылған мектеп қалталары (check, build, serve)
# қосылған қалтадағы әр мәселенің астында; $school: анықтамалықтан оның жолы, мысалы ../school-b
diag-school = анықтамалықтың `include:` тізімінде аталған { $school } мектеп қалтасында
# мәселесі бар әр мектеп қалтасына бір жол; $counts: мысалы, "2 қате, 0 ескерту"
school-counts = { $school } мектеп қалтасы: { $counts }
# --skip-broken-includes; $n: қанша қалта қосылмады; $folders: олардың жолдары
includes-skipped = Бұл сайтқа ҚОСЫЛМАДЫ: қатесі бар { $n } мектеп қалтасы ({ $folders }); олардың клубтары жарияланбайды.

## build
build-busy = { $folder } қалтасына bitimger-дің басқа жинағы жазып жатыр; оның аяқталуын күтеміз
build-done = { $folder } қалтасына { $pages } бет ({ $files }{ $changed }) { $seconds } с ішінде жасалды{ $problems }
build-all-unchanged = , бәрі өзгеріссіз
build-changed = , { $n } өзгерді
build-photos = Фотосуреттер: { $reused } қайта қолданылды, { $new } жаңа
build-kept = bitimger жасамаған { $files } сол күйінде қалдырылды: { $names }
build-kept-more = және тағы { $n }
build-failed = Сайт жиналмады: { $counts }. Ештеңе жазылған жоқ{ $previous }.
build-failed-previous = ; { $folder } қалтасында сайттың бұрынғы нұсқасы қалды

## Прогресс жолағы не істеп жатқанын айтады (қысқа)
phase-reading = сайт оқылуда
phase-photos = фотосуреттер
phase-pages = беттер
phase-checking = сілтемелер тексерілуде
phase-writing = жазылуда

## serve
serve-on = Сайт мына мекенжайда ашық: { $url }
serve-no-site = { $site } сайт қалтасы жоқ; сайтты `bitimger init { $site }` арқылы жасаңыз
serve-watching = { $site } қалтасындағы өзгерістер бақыланады. Тоқтату үшін Ctrl+C басыңыз.
serve-polling = бұл компьютер мұнша қалтаны бақылай алмайды; өзгерістер секундына екі рет тексеріледі
serve-no-browser = браузер ашылмады ({ $reason }); { $url } мекенжайын өзіңіз ашыңыз
serve-every-address = осы компьютердің барлық мекенжайы, порт { $port }
serve-network = алдын ала қарау желіде көрінеді ({ $where }): ондағы басқа құрылғылар сайтты, жобаларымен қоса, көре алады.
    Бұл сайтты тексеруге арналған алдын ала қарау, жариялау тәсілі емес: `bitimger build` жазған қалтаны веб-хостингте жариялаңыз.
serve-built = { $pages } бет { $seconds } с ішінде жасалды{ $problems }
serve-rebuilt = { $ms } мс ішінде қайта жиналды: { $files } өзгерді{ $problems }
serve-first-failed = Сайт жиналмады: { $counts }. Мәселелер түзетілгенше беттерде көрсетіледі.
serve-rebuild-failed = Қайта жинау сәтсіз: { $counts }. Сайттың соңғы дұрыс нұсқасы көрсетіле береді.
serve-panel-title = bitimger: { $errors } қате. Түзетілгенше сайттың соңғы дұрыс нұсқасы көрсетіледі.
serve-panel-hide = Жасыру
serve-placeholder-building = Сайт жиналып жатыр; бұл бет өзі жаңарады.
serve-placeholder-failed = Сайт әлі жиналмады. Төмендегі мәселелерді түзетіп, сақтаңыз: бұл бет өзі жаңарады.

## init және new
scaffold-created = жасалды { $path }
scaffold-kept = қалдырылды { $path } (бұрыннан бар, өзгертілмеді)
scaffold-nothing = Ештеңе жасалған жоқ: барлық файл бұрыннан бар.
scaffold-school-has-club = бұл — мектеп сайты, оның клубы бұрыннан бар (clubs/{ $club }); ештеңе жазылған жоқ. Мектеп сайтында бір ғана клуб болады; бірнеше клуб үшін site.yaml файлына `kind: directory` деп жазыңыз.
init-next = Енді файлдарды өңдеңіз, сосын сайтты көру үшін `bitimger serve { $dir }` іске қосыңыз.
init-next-github = Жариялау үшін: бұл қалтаны GitHub репозиторийіне салып, оның Settings → Pages бөлімінде дереккөз ретінде «GitHub Actions» таңдаңыз. Содан кейін әр push сайтты жинайды, ал негізгі тармаққа push оны жариялайды (docs/publish.kk.md).
init-next-gitlab = Жариялау үшін: бұл қалтаны GitLab жобасына салыңыз. Содан кейін әр push сайтты жинайды, ал негізгі тармаққа push оны GitLab Pages-те жариялайды (docs/publish.kk.md).

## theme export
theme-exported = Әдепкі безендіру тақырыбының { $n } файлы { $dir } қалтасында. site.yaml файлына `theme: { $dir }` деп жазыңыз (сайт қалтасынан бастап жол), содан кейін оларды өзгертіңіз: templates/ — беттер, static/assets/style.css — безендіру, i18n/*.ftl — сайттың сөздері (docs/templates.md).
theme-export-not-folder = { $path } — қалта емес, файл: тақырыпты жазатын қалтаны көрсетіңіз (жоқ болса, ол жасалады)
theme-export-exists = ештеңе жазылған жоқ: безендіру тақырыбының { $n } файлы { $dir } қалтасында бұрыннан бар, ал bitimger оларды ешқашан қайта жазбайды; тақырыпты жаңа қалтаға шығарыңыз немесе алдымен мына файлдарды басқа жерге көшіріңіз:
schema-exported = { $n } JSON Schema файлы { $dir } қалтасында. Сайт қалтасын YAML кеңейтімі бар VS Code-та ашып, YAML файлының басына `# yaml-language-server: $schema=` деп және оның схемасының жолын жазыңыз: содан кейін редактор өрістерді толықтырып, қателердің астын сызады (docs/schema.md).
schema-export-not-folder = { $path } — қалта емес, файл: схемаларды жазатын қалтаны көрсетіңіз (жоқ болса, ол жасалады)
schema-export-exists = ештеңе жазылған жоқ: { $dir } қалтасында { $n } схема бұрыннан бар, ал bitimger оларды ешқашан қайта жазбайды; осы нұсқаның схемалары керек болса, қалтаны өшіріп, команданы қайта іске қосыңыз немесе жаңа қалтаны таңдаңыз:
export-link = { $path } — басқа қалтаға сілтеме; bitimger тек сіз көрсеткен қалтаның ішіне жазады және сілтемелер арқылы ешқашан жазбайды, сондықтан ештеңе жазылған жоқ: сілтемені нағыз қалтамен ауыстырыңыз немесе басқа қалтаны таңдаңыз
export-io = { $path } жазылмады: { $error }

## explain
explain-unknown = `{ $code }` — bitimger хабарлайтын ешбір мәселенің коды емес; `{ $near }` деп жазғыңыз келді ме? Барлық кодтың тізімі: `bitimger explain`
explain-why = Неге маңызды:
explain-wrong = Қате:
explain-right = Дұрыс:
explain-more = Барлық код: docs/check.md
