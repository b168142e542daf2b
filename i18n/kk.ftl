### bitimger: интерфейс хабарламалары, қазақ тілі (kk).
###
### Идентификаторлар жиыны en.ftl және ru.ftl файлдарымен бірдей (тест тексереді).
### Терминдер жоба глоссарийінен (GLOSSARY.md) алынған; (?) белгісі
### тұжырымды тіл иесі тексеруі керек екенін білдіреді.
### Санау жазуларында «Жазу: N» түрі қолданылады; көпше түр үшін one / other
### (қазақ тілінде сан есімнен кейін зат есім жекеше тұрады: 19 оқушы).

## Навигация

nav-home = Басты бет
nav-about = Клуб туралы
nav-news = Жаңалықтар
nav-reports = Есептер
nav-documents = Құжаттар
nav-gallery = Фотогалерея
nav-contacts = Байланыс
# (?) балама: «Анықтамалық»
nav-directory = Клубтар тізімі
nav-regions = Өңірлер
nav-statistics = Статистика
nav-menu = Мәзір
# (?)
nav-skip = Негізгі мазмұнға өту
nav-back = Артқа

## Сайт түрі

site-service = Мектеп медиациясы қызметі
site-club = Медиация клубы

## Клуб бетінің бөлімдері

sec-goals = Мақсаты
sec-tasks = Міндеттері
sec-principles = Медиацияның негізгі қағидаттары
sec-leaders = Клуб жетекшілері
sec-curator = Куратор
sec-members = Клуб мүшелері
sec-young-mediators = Жас медиаторлар
sec-activities = Іс-шаралар жоспары
sec-directions = Қызмет бағыттары
sec-feedback = Кері байланыс
sec-achievements = Жетістіктер
sec-annual-report = Жылдық есеп
# (?)
sec-latest-figures = Соңғы көрсеткіштер

## Өріс атаулары

field-position = Лауазымы
field-phone = Телефон
field-email = Электрондық пошта
field-room = Кабинет
field-address = Мекенжай
field-website = Сайт
field-grades = Сыныптар
field-grade = Сынып
field-members-count = Қатысушылар саны
field-how-to-join = Клубқа қалай кіруге болады
field-region = Өңір
field-locality = Елді мекен
field-district = Аудан
field-school = Мектеп

## Әрекеттер

act-ask = Сұрақ қою
act-apply = Медиацияға өтініш беру
act-trust-box = Сенім жәшігі
# (?)
act-trust-box-hint = Аты-жөніңізді жазбай-ақ хабарласыңыз
act-call = Қоңырау шалу
# (?) септік жалғауы
act-instagram = Instagram-да жазу
act-read-more = Толығырақ
act-download = Жүктеп алу
# (?)
act-print-poster = Плакатты басып шығару

## Ескертулер

# Басқа тілдегі мәтіннің үстінде көрсетіледі; оқырманның тілін атайды. (?)
notice-untranslated = Бұл мәтін қазақ тілінде әлі жоқ. Төменде түпнұсқасы берілген.
# (?)
notice-confidential = Өтініштер құпия сақталады

## Тілдер: мәтіндегі атауы, өз атауы, тіл таңдау

lang-kk = қазақ тілі
lang-ru = орыс тілі
lang-en = ағылшын тілі
lang-autonym = Қазақша
lang-choose = Тілді таңдаңыз

## Каталог сүзгісі

filter-all-regions = Барлық өңірлер
filter-search = Іздеу
filter-placeholder = Клуб, мектеп немесе елді мекен
# (?)
filter-reset = Сүзгіні тазалау
# $n: табылған клубтар саны
filter-found = Табылды: { $n }
filter-none = Ештеңе табылмады

## Статистика: негізгі көрсеткіштер және қорытынды

stat-clubs = Клубтар саны
# (?)
stat-reported = Есеп берген клубтар
stat-mediators-trained = Даярланған жас медиаторлар
# (?)
stat-mediators-active = Белсенді жас медиаторлар
stat-cases = Өтініштер (жағдайлар) саны
# (?)
stat-cases-resolved = Келісіммен аяқталған өтініштер
# (?)
stat-resolution-rate = Келісіммен аяқталған өтініштер үлесі
stat-trainings = Өткізілген тренингтер мен сабақтар
stat-participants = Қамтылған қатысушылар
stat-total = Барлығы
stat-no-data = Дерек жоқ

## Статистика: қосымша көрсеткіштер

stat-staff-trained = Оқытылған педагогтер
stat-parents-reached = Қамтылған ата-аналар
stat-info-materials = Дайындалған ақпараттық материалдар
stat-trust-box = Сенім жәшігі бар ма
# (?) глоссарийде атауы жоқ
stat-trust-box-messages = Сенім жәшігіне түскен хаттар
stat-exchange-meetings = Өткізілген тәжірибе алмасу кездесулері
stat-referred = Басқа мамандарға жіберілген өтініштер

## Уақыт және мәртебе

# $y1, $y2: оқу жылының бірінші және екінші күнтізбелік жылы
time-academic-year = { $y1 }–{ $y2 } оқу жылы
status-ongoing = алдын ала
status-final = қорытынды
time-published = Жарияланған күні
time-updated = Соңғы жаңарту

## Құжат түрлері

doc-order = Бұйрық
doc-regulation = Ереже
doc-model-regulation = Үлгілік ереже
doc-recommendations = Әдістемелік ұсынымдар
doc-plan = Жылдық жұмыс жоспары
# $n: құжат нөмірі, $date: пішімделген күн
doc-number-date = №{ "\u00A0" }{ $n }, { $date }

## Қолжетімділік, құпиялылық, көмек

# (?) мектеп сайтында «Нашар көрушілер нұсқасы» да кездеседі
a11y-low-vision = Нашар көретіндерге арналған нұсқа
privacy-policy = Дербес деректер
# (?)
help-111 = Отбасы, әйелдер және балалардың құқықтарын қорғау мәселелері жөніндегі «111» бірыңғай байланыс орталығы
help-trust-phone = «150» балалар сенім телефоны
err-404 = Бет табылмады
# (?)
poster-scan = Сканерлеңіз

## Айлар: күн ішіндегі түрі (кіші әріппен) және жеке түрі (тақырыпта)

month-1 = қаңтар
month-2 = ақпан
month-3 = наурыз
month-4 = сәуір
month-5 = мамыр
month-6 = маусым
month-7 = шілде
month-8 = тамыз
month-9 = қыркүйек
month-10 = қазан
month-11 = қараша
month-12 = желтоқсан
month-name-1 = Қаңтар
month-name-2 = Ақпан
month-name-3 = Наурыз
month-name-4 = Сәуір
month-name-5 = Мамыр
month-name-6 = Маусым
month-name-7 = Шілде
month-name-8 = Тамыз
month-name-9 = Қыркүйек
month-name-10 = Қазан
month-name-11 = Қараша
month-name-12 = Желтоқсан

## Күн үлгілері

# $year, $day: сандар; $month: month-N жолының аударылған мәні
date-long = { $year } жылғы { $day } { $month }
# $dd, $mm: алдында нөлі бар; $yyyy: төрт таңбалы жыл
date-short = { $dd }.{ $mm }.{ $yyyy }

## Іс-шаралар жоспары беті

# $year: оқу жылы, мысалы «2025–2026»
plan-title = { $year } оқу жылына арналған іс-шаралар жоспары
plan-when = Мерзімі
plan-event = Іс-шара
plan-format = Өткізу түрі
plan-audience = Қатысушылар
plan-responsible = Жауаптылар
plan-done = Орындалуы
plan-done-yes = орындалды
plan-done-no = орындалмады
# A plan item not done and not yet due on the build date
plan-planned = жоспарланған
# $date: пішімделген күн
plan-approved = Бекітілді: { $date }
plan-all = Барлық жоспарлар
plan-current = Осы оқу жылының жоспары

## Жоспар: мерзімдер

term-1 = 1-тоқсан
term-2 = 2-тоқсан
term-3 = 3-тоқсан
term-4 = 4-тоқсан
when-monthly = ай сайын
when-weekly = апта сайын

## Жоспар: өткізу түрлері

format-meeting = Кездесу
format-training = Тренинг
format-master-class = Шеберлік сыныбы
format-simulation = Рөлдік ойын
format-lesson = Сабақ
format-consultation = Кеңес беру
format-information = Ақпараттық науқан
format-exchange = Тәжірибе алмасу
format-other = Басқа

## Есептер

# $year: оқу жылы, мысалы «2024–2025»
report-title = { $year } оқу жылындағы жылдық есеп
report-indicator = Көрсеткіш
report-value = Мәні
report-quarters = Тоқсандар бойынша көрсеткіштер
quarter-q1 = I тоқсан
quarter-q2 = II тоқсан
quarter-q3 = III тоқсан
quarter-q4 = IV тоқсан
report-period = Кезең
report-year-total = Жыл бойынша барлығы
report-status = Мәртебесі
reports-none = Әзірге есептер жоқ
report-read = Есепті оқу
# $rate: бүтін пайыз
rate-percent = { $rate }{ "\u00A0" }%

## Жаңалықтар

news-none = Әзірге жаңалықтар жоқ
news-feed = Жаңалықтар арнасы (Atom)
news-club = Клуб
news-all = Барлық жаңалықтар

## Құжаттар

docs-none = Әзірге құжаттар жоқ
# $ext: файл түрі, мысалы «PDF» (?)
doc-file = { $ext } файлы
doc-title = Атауы
doc-date = Күні

## Клуб беті: қосымша

# $from, $to: сынып нөмірлері
club-members-grades = { $from }–{ $to }-сыныптар
# Сан есімнен кейін зат есім жекеше тұрады, бірақ екі нұсқа да қажет.
club-members-count =
    { $n ->
        [one] { $n } қатысушы
       *[other] { $n } қатысушы
    }
clubs-count =
    { $n ->
        [one] { $n } клуб
       *[other] { $n } клуб
    }
photos-count =
    { $n ->
        [one] { $n } фото
       *[other] { $n } фото
    }
# $name: жетекшінің аты-жөні (alt мәтіні)
club-leader-photo = Фото: { $name }
club-gallery-open = Галереяны ашу
club-instagram = Instagram
club-poster = Басып шығаруға арналған плакат
feedback-intro = Оқушылар, ата-аналар мен мұғалімдер бізге мазалаған кез келген сұрақ бойынша жаза алады.
help-111-text = Шұғыл немесе қауіпті жағдайда 111 нөміріне қоңырау шалыңыз. Қоңырау тегін, орталық тәулік бойы жұмыс істейді.
help-111-call = 111 нөміріне қоңырау шалу
help-150-text = Қиын, қорқынышты немесе сөйлесетін адам болмаса, 150 нөміріне қоңырау шалыңыз. Қоңырау тегін, атыңызды айтудың қажеті жоқ.
help-150-call = 150 нөміріне қоңырау шалу

## Бет макеті

nav-main = Басты мәзір
# (?)
nav-breadcrumbs = Навигация тізбегі
# $name: генератордың атауы мен нұсқасы
footer-generator = { $name } арқылы жасалған
# $date: пішімделген күн
footer-updated = Соңғы жаңарту: { $date }
page-top = Жоғарыға
err-404-text = Бет басқа жерге көшірілген немесе жойылған болуы мүмкін.
err-404-home = Басты бетке өту
poster-title = Медиация клубы
# $room: кабинет нөмірі
poster-room = { $room }-кабинет
poster-link = Сілтеме
landing-choose = Тілді таңдаңыз
gallery-title = Фотогалерея
gallery-none = Әзірге фотосуреттер жоқ
# $n: фото нөмірі
gallery-photo = Фото { $n }

## Directory, regions and statistics pages

filter-label = Клубтарды сүзу
dir-no-locality = Елді мекен көрсетілмеген
dir-by-region = Өңірлер бойынша клубтар
dir-none = Әзірге клубтар жоқ
region-centre = Әкімшілік орталығы
# $n: clubs that gave the figure, $m: clubs listed. (?) A neutral "n / m" layout avoids case suffixes on digits.
stat-n-of-m = { $n } / { $m }
# $n: number of reports still marked ongoing
stat-ongoing = Алдын ала есептер: { $n }
stat-totals = Жиынтық көрсеткіштер
stat-totals-caption = { $year } оқу жылының жиынтық көрсеткіштері
stat-clubs-with-data = Дерек берген клубтар
stat-rate-note = Келісіммен аяқталған өтініштер үлесі өтініштер санын да, олардың келісіммен аяқталғанының санын да көрсеткен клубтардың деректері бойынша ғана есептеледі.
stat-by-region = Өңірлер бойынша
stat-by-region-caption = Өңірлер бойынша көрсеткіштер, { $year } оқу жылы
stat-by-quarter-caption = Тоқсандар бойынша көрсеткіштер, { $year } оқу жылы
stat-charts = Диаграммалар
stat-years = Оқу жылдары
stat-year = Оқу жылы
stat-year-title = { $year } оқу жылының статистикасы
time-academic-year-label = { $year } оқу жылы
# $indicator: the indicator's label. (?) «жолақты диаграмма» for a horizontal bar chart
chart-by-region = { $indicator }: өңірлер бойынша
chart-by-region-desc = Жолақты диаграмма: әр өңірге бір жолақ; дәл осы сандар төмендегі кестеде берілген.
chart-by-quarter = { $indicator }: тоқсандар бойынша
chart-by-quarter-desc = Жолақты диаграмма: әр тоқсанға бір жолақ; дәл осы сандар төмендегі кестеде берілген.
data-title = Ашық деректер
data-csv = Барлық клубтар мен жылдардың мониторинг көрсеткіштері
data-json = Клубтар: байланыс деректері мен көрсеткіштер

## Personal-data page (personal-data/)

privacy-intro = Бұл бетте сайттың адамдар туралы қандай мәліметтерді жариялайтыны және дербес деректер жөнінде кімге хабарласу керегі айтылады.
privacy-published-title = Не жарияланады
privacy-published = Сайтта клубтар мен мектептердің атаулары, клуб жетекшілерінің аты-жөні, лауазымы және жұмыс байланыс деректері, жоспарлар, жаңалықтар мен есептер жарияланады. Есептерде тек сандар беріледі. Оқушылардың аты-жөні, сыныбы және өтініштердің мән-жайы жарияланбайды: медиация құпия.
privacy-photos-title = Фотосуреттер
privacy-photos = Балалардың фотосуреттері тек олардың заңды өкілдерінің (ата-аналарының немесе қамқоршыларының) жазбаша келісімімен жарияланады. Жарияланған суреттерден метадеректер (түсірілген орны мен уақыты) өшіріледі. Суретті сайттан алып тастау үшін төмендегі байланыс арқылы жазыңыз.
privacy-tracking = Сайт cookie файлдарын, келушілер санағыштарын және бөгде қызметтерді пайдаланбайды.
privacy-contact-title = Дербес деректер бойынша байланыс
privacy-contact = Дербес деректерге қатысты сұрақтар бойынша, соның ішінде мәліметтерді түзету немесе жою үшін хабарласыңыз:
privacy-contact-none = Мектеп әкімшілігіне хабарласыңыз.

## Нашар көретіндерге арналған нұсқа: әр беттің жоғарғы жағындағы ауыстырғыш және оның беті (accessibility/)

# Нұсқа қосулы тұрғанда ауыстырғышта a11y-low-vision орнына көрсетіледі
a11y-normal-version = Кәдімгі нұсқа
# (?)
a11y-intro = Нашар көретіндерге арналған нұсқада мәтін ірірек, ақ фонда қара түспен, жоғары контрастпен көрсетіледі, ал сәндік суреттер жасырылады. Фотосуреттер, диаграммалар мен QR-кодтар қалады.
a11y-switch-hint = Ауыстырғыш әр беттің жоғарғы жағында тұр. Таңдауыңыз беттен бетке өткенде сақталады және тек өз браузеріңізде сақталады.
# (?)
a11y-no-switch = Егер ауыстырғыш браузеріңізде жұмыс істемесе (мысалы, JavaScript өшірулі болса), браузер мен жүйенің өз баптаулары да осыны істейді:
a11y-zoom-title = Ірі мәтін
a11y-zoom = Компьютерде бетті үлкейту үшін Ctrl және + пернелерін басыңыз (Mac-та ⌘ және +), бастапқы өлшемге қайту үшін Ctrl және 0 пернелерін басыңыз. Телефонда бетті екі саусақпен созыңыз немесе браузер баптауларынан үлкенірек мәтін өлшемін таңдаңыз.
a11y-contrast-title = Жоғары контраст
# (?) жүйелердің қазақша нұсқаларындағы мәзір атаулары
a11y-contrast = Windows: Параметрлер → Арнайы мүмкіндіктер → Контраст тақырыптары. macOS: Жүйе параметрлері → Арнайы мүмкіндіктер → Дисплей → Контрастты арттыру. Android: Баптаулар → Арнайы мүмкіндіктер → Жоғары контрастты мәтін. iPhone: Баптаулар → Арнайы мүмкіндіктер → Дисплей және мәтін өлшемі → Контрастты арттыру. Сайт бұл баптауды өзі ескереді.
a11y-reader-title = Дауыстап оқу
a11y-reader = Windows-тағы экран дикторы (Ctrl + Windows + Enter), Android-тағы TalkBack және iPhone мен Mac-тағы VoiceOver беттерді дауыстап оқиды. Барлық беттерді тек пернетақтамен пайдалануға болады: Tab пернесі келесі сілтемеге апарады.
