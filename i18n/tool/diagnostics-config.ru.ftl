# Тексты проблем, найденных при проверке настроек сайта (site.yaml), на
# русском. Английские тексты — в коде программы (src/config/); идентификатор —
# `.words("...")` в коде. В diagnostics-config.kk.ftl те же идентификаторы и
# переменные.

## site.yaml

site-missing = в этой папке нет site.yaml
    .help = сайт — это папка с файлом site.yaml; создайте его командой `bitimger init <папка>`
site-no-languages = в `languages` не указан ни один язык
    .help = напишите, например, `languages: [kk, ru]`; первый язык — основной
site-duplicate-language = язык `{ $lang }` указан дважды
    .help = укажите каждый язык один раз
site-unknown-language = { $kind ->
        [messages] у языка `{ $lang }` нет текстов интерфейса: нет файла i18n/{ $lang }.ftl
       *[code] `{ $lang }` — не код языка
    }
    .help = встроенные языки: kk, ru и en; чтобы добавить `{ $lang }`, создайте в папке сайта файл i18n/{ $lang }.ftl (скопируйте английские тексты и переведите их)
site-unknown-language-guess = { $kind ->
        [messages] у языка `{ $lang }` нет текстов интерфейса: нет файла i18n/{ $lang }.ftl
       *[code] `{ $lang }` — не код языка
    }
    .help = Возможно, вы имели в виду `{ $suggestion }`? Встроенные языки: kk, ru и en; для другого языка нужны тексты интерфейса в i18n/{ $lang }.ftl
site-theme-missing = в папке темы оформления `{ $path }` нет папки templates/
    .help = напишите `theme: default` или путь к папке темы оформления относительно site.yaml
site-base-url = `base_url` должен быть веб-адресом (https://...)
option-base-url = `--base-url { $url }` — не веб-адрес
    .help = напишите полный адрес, который будет у сайта, например --base-url https://school.github.io/mediation/

## include: (сайт-каталог)

site-include-school = `include:` объединяет клубы других папок в каталог, а это сайт школы
    .help = напишите `kind: directory` в site.yaml или удалите `include:`
site-include-missing = подключённой папки `{ $folder }` ({ $path }) нет
    .help = каждая строка `include:` — это путь к папке другого сайта (с папкой clubs/) относительно этого site.yaml, например ../school-a
site-include-not-a-site = в подключённой папке `{ $folder }` ({ $path }) нет ни site.yaml, ни папки clubs/
    .help = каждая строка `include:` — это путь к папке другого сайта (с папкой clubs/) относительно этого site.yaml, например ../school-a
site-include-itself = `{ $folder }` — собственная папка этого сайта
    .help = каждая строка `include:` — это путь к папке другого сайта (с папкой clubs/) относительно этого site.yaml, например ../school-a
site-include-twice = папка `{ $folder }` подключена дважды
    .help = каждая строка `include:` — это путь к папке другого сайта (с папкой clubs/) относительно этого site.yaml, например ../school-a

## Ссылки (адреса)

url-insecure = `{ $url }` не зашифрован (http:)
    .help = если у сайта есть адрес https://, напишите его
url-scheme = ссылки, начинающиеся с `{ $scheme }:`, не допускаются
    .label = небезопасная ссылка
    .help = напишите веб-адрес (https://...), электронную почту (mailto:...) или телефон (tel:...)
url-invalid = `{ $url }` — неполный веб-адрес
    .help = напишите адрес полностью, начиная с https://

## style: (собственное оформление сайта)

style-colour = `{ $value }` — не цвет в виде #rrggbb
    .help = запишите цвет знаком # и шестью шестнадцатеричными цифрами, в кавычках, например accent: "#0b5e6b"
style-contrast = основной цвет `{ $value }` слишком светлый: на белом и сером фоне сайта его трудно читать
    .help = ближайший цвет, который легко читать (WCAG AA, 4,5:1), — { $suggestion }: напишите accent: "{ $suggestion }"
style-css-place = `{ $path }` — не файл .css в папке static/ сайта
    .help = положите файл стилей в папку static/, например static/extra.css, и напишите css: static/extra.css
style-css-missing = файла `{ $path }` нет
    .help = положите файл стилей в папку static/, например static/extra.css, и напишите css: static/extra.css
style-logo-place = `{ $path }` — не рисунок (.svg, .png, .jpg, .webp) в папке static/ сайта
    .help = сохраните логотип как SVG или PNG в папку static/, например static/logo.svg, и напишите logo: static/logo.svg
style-logo-missing = файла `{ $path }` нет
    .help = сохраните логотип как SVG или PNG в папку static/, например static/logo.svg, и напишите logo: static/logo.svg
style-logo-unreadable = логотип `{ $path }` не удаётся прочитать: { $error }
    .help = откройте логотип в графическом редакторе и сохраните заново как SVG или PNG, например static/logo.svg, и напишите logo: static/logo.svg
style-logo-too-large = размер логотипа `{ $path }` — { $size } КБ; логотип SVG должен быть не больше { $max } КБ, ведь его загружает каждая страница
    .help = сохраните его заново из программы для рисования как простой (оптимизированный) SVG или как PNG
style-logo-active = этот логотип при открытии может запускать скрипты или загружать файлы с других сайтов: в нём есть { $what ->
        [unreadable] XML, который нельзя прочитать ({ $detail })
        [instruction] инструкция таблицы стилей (`<?xml-stylesheet`)
        [style] таблица стилей, которая загружает файлы или записывает символы кодами с обратной косой чертой (`\`)
        [element] элемент `<{ $detail }>`
        [page-element] элемент веб-страницы `<{ $detail }>`
        [handler] обработчик событий `{ $detail }` у `<{ $element }>`
       *[attribute] `{ $detail }` у `<{ $element }>`
    }
    .help = удалите эту часть в программе для рисования (или сохраните логотип как PNG) и соберите сайт снова
