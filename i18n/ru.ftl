### bitimger: сообщения интерфейса, русский язык (ru).
###
### Набор идентификаторов совпадает с en.ftl и kk.ftl (это проверяется тестом).
### Термины взяты из глоссария проекта (GLOSSARY.md); пометка (?) означает,
### что формулировку должен проверить носитель языка.
### Для счётчиков используется вид «Подпись: N», чтобы не согласовывать число;
### настоящие формы множественного числа: one / few / many / other.
### Буква «ё» пишется везде (отчёт, переведён, завершён).

## Навигация

nav-home = Главная
nav-about = О клубе
nav-news = Новости
nav-reports = Отчёты
nav-documents = Документы
nav-gallery = Фотогалерея
nav-contacts = Контакты
nav-directory = Каталог клубов
nav-regions = Регионы
nav-statistics = Статистика
nav-menu = Меню
nav-skip = Перейти к основному содержанию
nav-back = Назад

## Тип сайта

site-service = Служба школьной медиации
# (?)
site-club = Клуб медиации

## Разделы страницы клуба

sec-goals = Цели
sec-tasks = Задачи
sec-principles = Основные принципы медиации
sec-leaders = Руководители клуба
sec-curator = Куратор
sec-members = Участники клуба
# (?) вариант: «Школьники-медиаторы»
sec-young-mediators = Юные медиаторы
sec-activities = План мероприятий
sec-directions = Направления деятельности
sec-feedback = Обратная связь
sec-achievements = Достижения
sec-annual-report = Годовой отчёт
# (?)
sec-latest-figures = Последние показатели

## Подписи полей

field-position = Должность
field-phone = Телефон
field-email = Электронная почта
field-room = Кабинет
field-address = Адрес
field-website = Сайт
field-grades = Классы
field-grade = Класс
field-members-count = Количество участников
field-how-to-join = Как вступить в клуб
field-region = Регион
field-locality = Населённый пункт
field-district = Район
field-school = Школа

## Действия

act-ask = Задать вопрос
act-apply = Подать заявку на медиацию
act-trust-box = Ящик доверия
# (?)
act-trust-box-hint = Можно написать анонимно
act-call = Позвонить
act-instagram = Написать в Instagram
act-read-more = Подробнее
act-download = Скачать
# (?)
act-print-poster = Распечатать плакат

## Уведомления

# Над текстом, показанным на другом языке; называет язык читателя. (?)
notice-untranslated = Этот текст пока не переведён на русский язык. Ниже приведён оригинал.
# (?)
notice-confidential = Обращения конфиденциальны

## Языки: название в тексте, самоназвание, выбор языка

lang-kk = казахский язык
lang-ru = русский язык
lang-en = английский язык
lang-autonym = Русский
lang-choose = Выберите язык

## Фильтр каталога

filter-all-regions = Все регионы
filter-search = Поиск
filter-placeholder = Клуб, школа или населённый пункт
filter-reset = Сбросить фильтр
# $n: число найденных клубов
filter-found = Найдено: { $n }
filter-none = Ничего не найдено

## Статистика: основные показатели и итоги

stat-clubs = Количество клубов
# (?)
stat-reported = Клубов, сдавших отчёт
# (?)
stat-mediators-trained = Подготовлено юных медиаторов
# (?)
stat-mediators-active = Действующих юных медиаторов
stat-cases = Количество обращений
# (?)
stat-cases-resolved = Завершено соглашением
# (?)
stat-resolution-rate = Доля обращений, завершённых соглашением
stat-trainings = Проведено тренингов и занятий
stat-participants = Охвачено участников
stat-total = Всего
stat-no-data = Нет данных

## Статистика: дополнительные показатели

stat-staff-trained = Обучено педагогов
stat-parents-reached = Охвачено родителей
stat-info-materials = Подготовлено информационных материалов
stat-trust-box = Есть ящик доверия
# (?) подписи нет в глоссарии
stat-trust-box-messages = Поступило сообщений в ящик доверия
stat-exchange-meetings = Проведено встреч по обмену опытом
stat-referred = Передано обращений специалистам

## Время и статус

# $y1, $y2: первый и второй календарный год учебного года
time-academic-year = { $y1 }–{ $y2 } учебный год
status-ongoing = предварительный
status-final = окончательный
time-published = Дата публикации
time-updated = Последнее обновление

## Виды документов

doc-order = Приказ
doc-regulation = Положение
doc-model-regulation = Типовое положение
doc-recommendations = Методические рекомендации
doc-plan = Годовой план работы
# $n: номер документа, $date: отформатированная дата
doc-number-date = №{ "\u00A0" }{ $n } от { $date }

## Доступность, конфиденциальность, помощь

# (?)
a11y-low-vision = Версия для слабовидящих
privacy-policy = Персональные данные
help-111 = Единый контакт-центр «111» по вопросам семьи, женщин и защиты прав детей
help-trust-phone = Детский телефон доверия «150»
err-404 = Страница не найдена
# (?)
poster-scan = Отсканируйте

## Месяцы: форма в дате (родительный падеж) и самостоятельная (именительный)

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
month-name-1 = Январь
month-name-2 = Февраль
month-name-3 = Март
month-name-4 = Апрель
month-name-5 = Май
month-name-6 = Июнь
month-name-7 = Июль
month-name-8 = Август
month-name-9 = Сентябрь
month-name-10 = Октябрь
month-name-11 = Ноябрь
month-name-12 = Декабрь

## Шаблоны дат

# $year, $day: числа; $month: уже локализованная строка month-N
date-long = { $day } { $month } { $year }{ "\u00A0" }г.
# $dd, $mm: с ведущим нулём; $yyyy: год из четырёх цифр
date-short = { $dd }.{ $mm }.{ $yyyy }

## Страница плана мероприятий

# $year: учебный год, например «2025–2026»
plan-title = План мероприятий на { $year } учебный год
plan-when = Сроки
plan-event = Мероприятие
plan-format = Форма проведения
plan-audience = Участники
plan-responsible = Ответственные
plan-done = Выполнение
plan-done-yes = выполнено
plan-done-no = не выполнено
# A plan item not done and not yet due on the build date
plan-planned = запланировано
# $date: отформатированная дата
plan-approved = Утверждён: { $date }
plan-all = Все планы
plan-current = План на текущий учебный год

## План: сроки

term-1 = 1-я четверть
term-2 = 2-я четверть
term-3 = 3-я четверть
term-4 = 4-я четверть
when-monthly = ежемесячно
when-weekly = еженедельно

## План: формы проведения

format-meeting = Встреча
format-training = Тренинг
format-master-class = Мастер-класс
format-simulation = Ролевая игра
format-lesson = Занятие
format-consultation = Консультация
format-information = Информационная кампания
format-exchange = Обмен опытом
format-other = Другое

## Отчёты

# $year: учебный год, например «2024–2025»
report-title = Годовой отчёт за { $year } учебный год
report-indicator = Показатель
report-value = Значение
report-quarters = Показатели по четвертям
quarter-q1 = I четверть
quarter-q2 = II четверть
quarter-q3 = III четверть
quarter-q4 = IV четверть
report-period = Период
report-year-total = Итого за год
report-status = Статус
reports-none = Отчётов пока нет
report-read = Читать отчёт
# $rate: целый процент
rate-percent = { $rate }{ "\u00A0" }%

## Новости

news-none = Новостей пока нет
news-feed = Лента новостей (Atom)
news-club = Клуб
news-all = Все новости

## Документы

docs-none = Документов пока нет
# $ext: тип файла, например «PDF»
doc-file = Файл { $ext }
doc-title = Название
doc-date = Дата

## Страница клуба: дополнительно

# $from, $to: номера классов
club-members-grades = { $from }–{ $to } классы
club-members-count =
    { $n ->
        [one] { $n } участник
        [few] { $n } участника
        [many] { $n } участников
       *[other] { $n } участника
    }
clubs-count =
    { $n ->
        [one] { $n } клуб
        [few] { $n } клуба
        [many] { $n } клубов
       *[other] { $n } клуба
    }
photos-count =
    { $n ->
        [one] { $n } фотография
        [few] { $n } фотографии
        [many] { $n } фотографий
       *[other] { $n } фотографии
    }
# $name: имя руководителя (alt-текст)
club-leader-photo = Фото: { $name }
club-gallery-open = Открыть галерею
club-instagram = Instagram
club-poster = Плакат для печати
feedback-intro = Ученики, родители и учителя могут написать нам по любому волнующему вопросу.
help-111-text = В срочной или небезопасной ситуации звоните 111. Звонок бесплатный, линия работает круглосуточно.
help-111-call = Позвонить 111
help-150-text = Если трудно, страшно или не с кем поговорить, звоните 150. Звонок бесплатный, называть себя не нужно.
help-150-call = Позвонить 150

## Макет страницы

nav-main = Главное меню
nav-breadcrumbs = Навигационная цепочка
# $name: название и версия генератора
footer-generator = Сделано с помощью { $name }
# $date: отформатированная дата
footer-updated = Последнее обновление: { $date }
page-top = Наверх
err-404-text = Возможно, страница была перемещена или удалена.
err-404-home = Перейти на главную страницу
poster-title = Клуб медиации
# $room: номер кабинета
poster-room = Кабинет { $room }
poster-link = Ссылка
landing-choose = Выберите язык
gallery-title = Фотогалерея
gallery-none = Фотографий пока нет
# $n: номер фотографии
gallery-photo = Фото { $n }

## Directory, regions and statistics pages

filter-label = Фильтр клубов
dir-no-locality = Населённый пункт не указан
dir-by-region = Клубы по регионам
dir-none = Клубов пока нет
region-centre = Административный центр
# $n: clubs that gave the figure, $m: clubs listed
stat-n-of-m = { $n } из { $m }
# $n: number of reports still marked ongoing
stat-ongoing = Предварительных отчётов: { $n }
stat-totals = Итоговые показатели
stat-totals-caption = Итоговые показатели за { $year } учебный год
stat-clubs-with-data = Клубов с данными
stat-rate-note = Доля обращений, завершённых соглашением, считается только по клубам, указавшим и число обращений, и число завершённых соглашением.
# $n: clubs a figure of a statistics table covers
stat-covers = ({ $n } { $n ->
        [one] клуб
        [few] клуба
        [many] клубов
       *[other] клуба
    })
stat-coverage-note = Каждое число — сумма по клубам, которые указали этот показатель; в скобках — сколько таких клубов. Клубы сдают разные показатели, поэтому числа одной строки могут быть посчитаны по разным клубам: сравнивайте их между собой, только если число клубов одинаково. Доля обращений, завершённых соглашением, считается по клубам, указавшим оба числа.
stat-by-region = По регионам
stat-by-region-caption = Показатели по регионам, { $year } учебный год
stat-by-quarter-caption = Показатели по четвертям, { $year } учебный год
stat-charts = Диаграммы
stat-years = Учебные годы
stat-year = Учебный год
stat-year-title = Статистика за { $year } учебный год
time-academic-year-label = { $year } учебный год
# $indicator: the indicator's label
chart-by-region = { $indicator }: по регионам
chart-by-region-desc = Линейчатая диаграмма: по одной полосе на регион; те же числа приведены в таблице ниже.
chart-by-quarter = { $indicator }: по четвертям
chart-by-quarter-desc = Линейчатая диаграмма: по одной полосе на четверть; те же числа приведены в таблице ниже.
data-title = Открытые данные
data-csv = Показатели мониторинга всех клубов за все годы
data-csv-excel = Те же показатели для Excel, настроенного на русский или казахский язык (столбцы разделены точкой с запятой)
data-json = Клубы: контакты и показатели

## Personal-data page (personal-data/)

privacy-intro = На этой странице сказано, какие сведения о людях публикует сайт и к кому обращаться по вопросам персональных данных.
privacy-published-title = Что публикуется
privacy-published = Сайт публикует названия клубов и школ, фамилии, имена, должности и рабочие контакты руководителей клубов, планы, новости и отчёты. В отчётах приводятся только числа. Имена учеников, их классы и обстоятельства обращений не публикуются: медиация конфиденциальна.
privacy-photos-title = Фотографии
privacy-photos = Фотографии детей публикуются только с письменного согласия их законных представителей (родителей или опекунов). Из опубликованных снимков удаляются метаданные (место и время съёмки). Чтобы убрать фотографию с сайта, напишите по контактам ниже.
privacy-tracking = Сайт не использует файлы cookie, счётчики посещений и сторонние сервисы.
privacy-contact-title = Контакты по вопросам персональных данных
privacy-contact = По вопросам о персональных данных, в том числе чтобы исправить или удалить сведения, обращайтесь:
privacy-contact-none = Обращайтесь в администрацию школы.

## Версия для слабовидящих: переключатель вверху каждой страницы и его страница (accessibility/)

# Показывается на переключателе вместо a11y-low-vision, пока версия включена
a11y-normal-version = Обычная версия
a11y-intro = В версии для слабовидящих текст крупнее, чёрный на белом с высокой контрастностью, а декоративные изображения скрыты. Фотографии, диаграммы и QR-коды остаются.
a11y-switch-hint = Переключатель находится вверху каждой страницы. Ваш выбор сохраняется при переходе со страницы на страницу и хранится только в вашем браузере.
a11y-no-switch = Если переключатель не работает в вашем браузере (например, отключён JavaScript), то же самое делают настройки самого браузера и системы:
a11y-zoom-title = Крупный текст
a11y-zoom = На компьютере нажмите Ctrl и +, чтобы увеличить страницу (на Mac — ⌘ и +), и Ctrl и 0, чтобы вернуть обычный размер. На телефоне раздвиньте страницу двумя пальцами или выберите в настройках браузера более крупный текст.
a11y-contrast-title = Высокая контрастность
# (?) названия пунктов меню в русских версиях систем
a11y-contrast = Windows: Параметры → Специальные возможности → Контрастные темы. macOS: Системные настройки → Универсальный доступ → Дисплей → Увеличить контраст. Android: Настройки → Специальные возможности → Высококонтрастный текст. iPhone: Настройки → Универсальный доступ → Дисплей и размер текста → Увеличение контраста. Сайт сам учитывает эту настройку.
a11y-reader-title = Чтение вслух
a11y-reader = Экранный диктор Windows (Ctrl + Windows + Enter), TalkBack на Android и VoiceOver на iPhone и Mac читают страницы вслух. Всеми страницами можно пользоваться с одной клавиатуры: клавиша Tab переходит к следующей ссылке.
