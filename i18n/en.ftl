### bitimger: interface messages, English (en).
###
### This file is the reference list of message ids: kk.ftl and ru.ftl must
### have exactly the same ids. Kazakh and Russian wording follows the
### project glossary (GLOSSARY.md); keep ids stable so corrections are
### one-line edits.
### Count labels use a "Label: N" layout; real plurals use select expressions.

## Navigation

nav-home = Home
nav-about = About the club
nav-news = News
nav-reports = Reports
nav-documents = Documents
nav-gallery = Photo gallery
nav-contacts = Contacts
nav-directory = Club directory
nav-regions = Regions
nav-statistics = Statistics
nav-menu = Menu
nav-skip = Skip to main content
nav-back = Back

## Site kinds

site-service = School mediation service
site-club = Mediation club

## Club page sections

sec-goals = Goals
sec-tasks = Objectives
sec-principles = Core principles of mediation
sec-leaders = Club leaders
sec-curator = Coordinator
sec-members = Club members
sec-young-mediators = Peer mediators
sec-activities = Activity plan
sec-directions = Areas of work
sec-feedback = Feedback
sec-achievements = Achievements
sec-annual-report = Annual report
sec-latest-figures = Latest figures

## Field labels

field-position = Position
field-phone = Phone
field-email = Email
field-room = Room
field-address = Address
field-website = Website
field-grades = Grades
field-grade = Grade
field-members-count = Number of members
field-how-to-join = How to join the club
field-region = Region
field-locality = Locality
field-district = District
field-school = School

## Actions

act-ask = Ask a question
act-apply = Request mediation
act-trust-box = Trust box
act-trust-box-hint = You can write anonymously
act-call = Call
act-instagram = Message us on Instagram
act-read-more = Read more
act-download = Download
act-print-poster = Print the poster

## Notices

# Shown above a text that fell back to another language; names the reader's language.
notice-untranslated = This text has not been translated into English yet. The original is shown below.
notice-confidential = All requests are kept confidential

## Languages: names in running text, the autonym, the chooser

lang-kk = Kazakh
lang-ru = Russian
lang-en = English
lang-autonym = English
lang-choose = Choose a language

## Directory filter

filter-all-regions = All regions
filter-search = Search
filter-placeholder = Club, school or locality
filter-reset = Reset filter
# $n: number of clubs found
filter-found = Found: { $n }
filter-none = Nothing found

## Statistics: core indicators and totals

stat-clubs = Number of clubs
stat-reported = Clubs that reported
stat-mediators-trained = Peer mediators trained
stat-mediators-active = Active peer mediators
stat-cases = Number of requests (cases)
stat-cases-resolved = Cases resolved by agreement
stat-resolution-rate = Share of cases resolved by agreement
stat-trainings = Trainings and sessions held
stat-participants = Participants reached
stat-total = Total
stat-no-data = No data

## Statistics: optional indicators

stat-staff-trained = Staff trained
stat-parents-reached = Parents reached
stat-info-materials = Information materials prepared
stat-trust-box = Trust box in place
stat-trust-box-messages = Trust box messages
stat-exchange-meetings = Experience-sharing meetings held
stat-referred = Cases referred to specialists

## Time and status

# $y1, $y2: first and second calendar year of the school year
time-academic-year = { $y1 }–{ $y2 } school year
status-ongoing = preliminary
status-final = final
time-published = Published
time-updated = Last updated

## Document types

doc-order = Order
doc-regulation = Regulations
doc-model-regulation = Model regulations
doc-recommendations = Methodological guidelines
doc-plan = Annual work plan
# $n: document number, $date: formatted date
doc-number-date = No. { $n } of { $date }

## Accessibility, privacy, help

a11y-low-vision = Low-vision version
privacy-policy = Personal data
help-111 = 111 National Contact Centre for family, women’s and children’s rights
help-trust-phone = 150 Children’s Trust Line
err-404 = Page not found
poster-scan = Scan the code

## Months: format form (inside dates) and stand-alone form (headings)

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-name-1 = January
month-name-2 = February
month-name-3 = March
month-name-4 = April
month-name-5 = May
month-name-6 = June
month-name-7 = July
month-name-8 = August
month-name-9 = September
month-name-10 = October
month-name-11 = November
month-name-12 = December

## Date patterns

# $year, $day: numbers; $month: the localized month-N string
date-long = { $month } { $day }, { $year }
# $dd, $mm: zero-padded; $yyyy: four-digit year
date-short = { $dd }.{ $mm }.{ $yyyy }

## Activity plan page

# $year: academic year label, e.g. "2025–2026"
plan-title = Activity plan for the { $year } school year
plan-when = When
plan-event = Activity
plan-format = Format
plan-audience = Audience
plan-responsible = Responsible
plan-done = Done
plan-done-yes = done
plan-done-no = not done
# A plan item not done and not yet due on the build date
plan-planned = planned
# $date: formatted date
plan-approved = Approved: { $date }
plan-all = All plans
plan-current = Plan for this year

## Activity plan: when

term-1 = Term 1
term-2 = Term 2
term-3 = Term 3
term-4 = Term 4
when-monthly = monthly
when-weekly = weekly

## Activity plan: formats

format-meeting = Meeting
format-training = Training
format-master-class = Master class
format-simulation = Role-play
format-lesson = Lesson
format-consultation = Consultation
format-information = Information campaign
format-exchange = Experience exchange
format-other = Other

## Reports

# $year: academic year label, e.g. "2024–2025"
report-title = Annual report for the { $year } school year
report-indicator = Indicator
report-value = Value
report-quarters = Figures by quarter
quarter-q1 = Q1
quarter-q2 = Q2
quarter-q3 = Q3
quarter-q4 = Q4
report-period = Period
report-year-total = Year total
report-status = Status
reports-none = No reports yet
report-read = Read the report
# $rate: whole percent
rate-percent = { $rate }%

## News

news-none = No news yet
news-feed = News feed (Atom)
news-club = Club
news-all = All news

## Documents

docs-none = No documents yet
# $ext: file type, e.g. "PDF"
doc-file = { $ext } file
doc-title = Title
doc-date = Date

## Club page extras

# $from, $to: grade numbers
club-members-grades = Grades { $from }–{ $to }
club-members-count =
    { $n ->
        [one] { $n } member
       *[other] { $n } members
    }
clubs-count =
    { $n ->
        [one] { $n } club
       *[other] { $n } clubs
    }
photos-count =
    { $n ->
        [one] { $n } photo
       *[other] { $n } photos
    }
# $name: leader's name (alt text)
club-leader-photo = Photo: { $name }
club-gallery-open = Open the gallery
club-instagram = Instagram
club-poster = Printable poster
feedback-intro = Pupils, parents and teachers are welcome to write to us about anything that worries them.
help-111-text = In an urgent or unsafe situation, call 111. The call is free, and the line works around the clock.
help-111-call = Call 111
help-150-text = If things are hard, frightening or there is no one to talk to, call 150. The call is free, and you need not give your name.
help-150-call = Call 150

## Layout

nav-main = Main menu
nav-breadcrumbs = Breadcrumbs
# $name: generator name and version
footer-generator = Made with { $name }
# $date: formatted date
footer-updated = Last updated: { $date }
page-top = Back to top
err-404-text = The page may have been moved or deleted.
err-404-home = Go to the home page
poster-title = Mediation club
# $room: room number
poster-room = Room { $room }
poster-link = Link
landing-choose = Choose a language
gallery-title = Photo gallery
gallery-none = No photos yet
# $n: photo number
gallery-photo = Photo { $n }

## Directory, regions and statistics pages

filter-label = Filter the clubs
dir-no-locality = Locality not given
dir-by-region = Clubs by region
dir-none = No clubs yet
region-centre = Administrative centre
# $n: clubs that gave the figure, $m: clubs listed
stat-n-of-m = { $n } of { $m }
# $n: number of reports still marked ongoing
stat-ongoing = Preliminary reports: { $n }
stat-totals = Totals
stat-totals-caption = Totals for the { $year } school year
stat-clubs-with-data = Clubs with data
stat-rate-note = The share of cases resolved by agreement is computed only from the clubs that gave both the number of cases and the number resolved by agreement.
# $n: clubs a figure of a statistics table covers
stat-covers = ({ $n } { $n ->
        [one] club
       *[other] clubs
    })
stat-coverage-note = Each figure is the sum over the clubs that gave it; the number in brackets is how many clubs that is. Clubs report different indicators, so the figures of one row may come from different clubs: compare them with each other only where the number of clubs is the same. The share of cases resolved by agreement counts only the clubs that gave both numbers.
stat-by-region = By region
stat-by-region-caption = Figures by region, { $year } school year
stat-by-quarter-caption = Figures by quarter, { $year } school year
stat-charts = Charts
stat-years = School years
stat-year = School year
stat-year-title = Statistics for the { $year } school year
time-academic-year-label = { $year } school year
# $indicator: the indicator's label
chart-by-region = { $indicator }: by region
chart-by-region-desc = Bar chart with one bar per region; the same figures are in the table that follows.
chart-by-quarter = { $indicator }: by quarter
chart-by-quarter-desc = Bar chart with one bar per quarter; the same figures are in the table that follows.
data-title = Open data
data-csv = Monitoring indicators of every club and year
data-csv-excel = The same figures for Excel set to Kazakh or Russian (columns separated by semicolons)
data-json = Clubs with contacts and figures

## Personal-data page (personal-data/)

privacy-intro = This page says what the site publishes about people and whom to contact about personal data.
privacy-published-title = What is published
privacy-published = The site publishes the names of clubs and schools, the names, positions and work contacts of club leaders, plans, news and reports. Reports give numbers only. Pupils’ names, their classes and the circumstances of requests are not published: mediation is confidential.
privacy-photos-title = Photos
privacy-photos = Photos of children are published only with the written consent of their legal representatives (parents or guardians). Published photos are stripped of their metadata (where and when they were taken). To have a photo removed, write to the contacts below.
privacy-tracking = The site uses no cookies, no visitor counters and no third-party services.
privacy-contact-title = Contacts about personal data
privacy-contact = For questions about personal data, including having information corrected or removed, contact:
privacy-contact-none = Contact the school’s administration.

## Version for the visually impaired: the switch at the top of every page, and its page (accessibility/)

# Shown on the switch instead of a11y-low-vision while the version is on
a11y-normal-version = Normal version
a11y-intro = The version for the visually impaired shows larger text, black on white with high contrast, and hides decorative images. Photos, charts and QR codes stay.
a11y-switch-hint = The switch is at the top of every page. Your choice is kept as you go from page to page, and it is stored only in your browser.
a11y-no-switch = If the switch does not work in your browser (for example, JavaScript is turned off), the browser’s and the system’s own settings do the same:
a11y-zoom-title = Larger text
a11y-zoom = On a computer, press Ctrl and + to enlarge the page (⌘ and + on a Mac), and Ctrl and 0 to go back. On a phone, spread two fingers on the page, or choose a larger text size in the browser’s settings.
a11y-contrast-title = Higher contrast
a11y-contrast = Windows: Settings → Accessibility → Contrast themes. macOS: System Settings → Accessibility → Display → Increase contrast. Android: Settings → Accessibility → High contrast text. iPhone: Settings → Accessibility → Display & Text Size → Increase Contrast. The site follows this setting by itself.
a11y-reader-title = Reading aloud
a11y-reader = Narrator in Windows (Ctrl + Windows + Enter), TalkBack on Android and VoiceOver on iPhone and Mac read pages aloud. Every page can be used with the keyboard alone: the Tab key moves to the next link.
