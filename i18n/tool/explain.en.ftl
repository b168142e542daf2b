# `bitimger explain CODE`: the long explanation of a code, in English.
# explain.kk.ftl and explain.ru.ftl have the same ids and attributes.
# Id: explain-<code with / written as ->; .why, .wrong, .right.

explain-privacy-iin = A 12-digit number that is a valid IIN (a person's national identification number) is in a file of the site or in what would be published. bitimger then publishes nothing.
    .why = An IIN names one person for life: with it, anyone can find a child's date of birth and use the number in forms. Published once, it is copied by search engines and cannot be taken back. The law on personal data forbids publishing it.
    .wrong = Медиацияға қатысқан оқушы: 080312601206
    .right = Медиацияға 9-сынып оқушысы қатысты.
explain-privacy-phone-in-text = A phone number is in the text of a report or a news item.
    .why = Reports and news are about the club's work. A pupil's or a parent's number on the web reaches strangers; the club's own number belongs in club.yaml under `contacts`, where it is shown the same way on every page.
    .wrong = Сұрақтар бойынша хабарласыңыз: +7 701 234 56 78 (Айгерімнің анасы)
    .right = Сұрақтарыңызды «Сұрақ қою» формасы арқылы жіберіңіз.
explain-privacy-email-in-text = An e-mail address is in the text of a report or a news item.
    .why = For the same reason as a phone number: a pupil's or a parent's address must not be published, and the club's own address belongs in club.yaml under `contacts`.
    .wrong = Жазыңыз: aigerim.mama@mail.kz
    .right = Клубтың байланыс деректері «Байланыс» бөлімінде.
explain-privacy-class-label = A class label (9Б, 8 «А» сынып) is next to what looks like a first name.
    .why = In one school a class and a first name point at one child. A report about a conflict that names the child and the class tells everyone who was involved; mediation is confidential.
    .wrong = 9Б сынып оқушысы Айгерім жанжалды шешуге көмектесті.
    .right = 9-сынып оқушылары жанжалды шешуге көмектесті.
explain-privacy-staff-mobile = A leader's `phone` in club.yaml is a personal mobile number.
    .why = A teacher's own mobile number on a public site is called at any hour, by anyone. Publish the school's landline or a work number of the club.
    .wrong = phone: "+7 701 234 56 78"
    .right = phone: "8 (7212) 55-02-14"
explain-privacy-gallery-consent = The club publishes photos without `gallery.consent: true` in club.yaml.
    .why = Photos of children may be published only with their parents' written consent. Write `consent: true` only when that consent is on file for every pictured child; otherwise set `photos: false`.
    .wrong = gallery:
          photos: true
    .right = gallery:
          photos: true
          consent: true
explain-links-broken = A link or an image of a page leads to no file of the site.
    .why = A reader who follows it gets a "page not found". Links between pages are relative to the page's own address; a link written in Markdown is found in its file and line.
    .wrong = [Есеп](reports/2024.md)
    .right = [Есеп](reports/2024-2025/index.html)
explain-yaml-syntax = The file is not valid YAML, so bitimger cannot read it (the message says what is wrong on which line).
    .why = Nothing of the file can be read past the mistake; the rest of the site is still checked. The most common causes: a missing `:` after a field name, a tab instead of spaces, a text with `: ` or `#` not in quotes, a bracket or quote not closed.
    .wrong = region karaganda
    .right = region: karaganda
explain-lang-texts-not-used = A file has texts (`ru: ...`) in a language that `languages:` in site.yaml does not list. They are not published; one warning per file says how many there are and where the first one is.
    .why = A school may publish in one language only for a while (`languages: [kk]`) and keep its Russian texts for later. Add the language to `languages:` again to publish them, or leave them. A code that is no language bitimger can publish (`kz:` for `kk:`) is an error instead: `lang/unknown`, with the code meant.
    .wrong = languages: [kk]    # and in club.yaml: name: {"{"}kk: "Сенім", ru: "Доверие"{"}"}
    .right = languages: [kk, ru]
explain-markdown-id-taken = An id written in a Markdown text (`## Title {"{"}#main{"}"}`, `<p id="top">`) is one the theme uses itself, or an earlier heading of the text has it. The element gets another id (`main-2`).
    .why = An id names one element of a page: the skip link at the top of every page leads to `main`, and links to `#part` lead to the first element with that id. Two elements with one id make those links go to the wrong place, and the page is not valid HTML.
    .wrong = ## Басты мәселе {"{"}#main{"}"}
    .right = ## Басты мәселе {"{"}#main-issue{"}"}
explain-i18n-untranslated = A text or a Markdown file has no version in one of the site's languages.
    .why = Readers of that language see the default language's text instead, marked as such. Add the missing text (e.g. `about.ru.md` next to `about.kk.md`) when you can.
    .wrong = name: Сенім
    .right = name: {"{"}kk: Сенім, ru: Доверие{"}"}
explain-club-unknown-region = The `region` of the school is not one of the region codes. The codes are: abai, akmola, aktobe, almaty-region, atyrau, east-kazakhstan, jambyl, jetisu, karaganda, kostanay, kyzylorda, mangystau, north-kazakhstan, pavlodar, turkistan, ulytau, west-kazakhstan; the cities astana, almaty, shymkent.
    .why = The directory groups clubs by region and counts them for the region's statistics: a region written in words cannot be counted. The message gives the nearest code.
    .wrong = region: Қарағанды облысы
    .right = region: karaganda
explain-field-invalid-date = A date is not written as year-month-day (YYYY-MM-DD), or the day does not exist.
    .why = Dates are sorted and shown in each language's own form, so they are written one way in the files.
    .wrong = date: 05.09.2024
    .right = date: 2024-09-05
explain-links-source-path = A link or an image in Markdown names a file of the site folder (`pages/rules.md`, `@/clubs/senim/photos/a.jpg`) that is not there.
    .why = A link written by the file's path is made into a link to that file's page, in the reader's language, from whichever page shows it. When no such file is published (a typo, a renamed or deleted file, a draft), the link would lead nowhere, so bitimger names the nearest files instead.
    .wrong = [Ережелер](pages/rulez.md)
    .right = [Ережелер](pages/rules.md)
explain-style-contrast = The accent colour under `style:` in site.yaml is too light: links, buttons and headings in that colour would be hard to read on the site's white and light grey backgrounds.
    .why = Many readers see less contrast than the person who chose the colour: on a phone in the sun, on a cheap screen, or with weak eyesight. WCAG AA, the accessibility level asked of public sites, needs a contrast of at least 4.5 to 1 for text; bitimger gives the nearest darker colour that has it.
    .wrong = style:
          accent: "#ffcc00"
    .right = style:
          accent: "#856a00"
explain-style-logo-active = The logo named under `style:` in site.yaml is an SVG drawing with a part that does more than draw: a script, an event handler such as `onload=`, a link to a file on another site, or a style sheet that loads one.
    .why = Every page of the site shows the logo, and anyone can open assets/logo.svg on its own, as a page of the site: a script in it would run there, with the site's address. Drawing programs and logos downloaded from the web sometimes carry such parts without anyone seeing them. The message names the first one and its line in the SVG file.
    .wrong = <svg onload="track()" …>
    .right = <svg …>   (or save the logo as PNG: logo: static/logo.png)
explain-text-placeholder = A text that `bitimger init` or `bitimger new` wrote to be replaced is still in a file, or an address at example.kz, example.org, example.com or example.net, which are reserved for examples.
    .why = The scaffold fills every field so that a new site builds at once; its words («Здесь опишите достижения года.») and its addresses (https://forms.example.kz/...) only show where the club's own go. Published, they tell readers the site is unfinished, and a feedback link to example.kz leads nowhere.
    .wrong = question: https://forms.example.kz/mediation/question
    .right = question: https://forms.gle/…
explain-text-mixed-script = A word mixes Latin and Cyrillic letters: «Сенiм» typed with a Latin i for the Kazakh і, «Mектеп» with a Latin M.
    .why = The letters look the same, so the page looks right; but for the computer it is another word. The directory's search and the alphabetical lists read such a word as bitimger's table of look-alike letters says (a Latin i as і), yet search engines, other sites and screen readers do not: a parent searching for «Сенім» does not find «Сенiм», and a screen reader spells it out. It happens on keyboards without the Kazakh letters, or when the keyboard layout was switched in the middle of a word. A Latin name next to Cyrillic words («Instagram арқылы», «Instagram-да») is fine; addresses, e-mail addresses, file names and code are not checked.
    .wrong = name: {"{"}kk: "Сенiм", ru: "Доверие"{"}"}
    .right = name: {"{"}kk: "Сенім", ru: "Доверие"{"}"}
explain-site-include-skipped = A school folder named in the directory's `include:` has errors, and the build was run with `--skip-broken-includes`, so the directory was built without it: that school's clubs are not on the site.
    .why = Without the option, one school's mistake fails the whole directory, and the region's site stays as it was. With it, the other schools are published, and this warning says loudly which folder was left out and how many errors it has; its problems are listed above, each with its file, line and school folder.
    .wrong = bitimger build region --skip-broken-includes   (and nobody reads the warning)
    .right = bitimger check region   (then fix, or send each school its own list of problems)
