# Сайт баптауларын (site.yaml) тексеру мәселелерінің қазақша мәтіндері.
# Ағылшынша мәтіндері бағдарлама кодында тұр (src/config/); идентификатор —
# кодтағы `.words("...")`. diagnostics-config.ru.ftl файлында дәл осындай
# идентификаторлар мен айнымалылар бар.

## site.yaml

site-missing = бұл қалтада site.yaml жоқ
    .help = сайт — ішінде site.yaml файлы бар қалта; оны `bitimger init <қалта>` командасымен жасаңыз
site-no-languages = `languages` тізімінде бірде-бір тіл жоқ
    .help = мысалы `languages: [kk, ru]` деп жазыңыз; біріншісі — негізгі тіл
site-duplicate-language = `{ $lang }` тілі екі рет жазылған
    .help = әр тілді бір рет жазыңыз
site-unknown-language = { $kind ->
        [messages] `{ $lang }` тілінің интерфейс мәтіндері жоқ: i18n/{ $lang }.ftl файлы жоқ
       *[code] `{ $lang }` — тіл коды емес
    }
    .help = кірістірілген тілдер: kk, ru және en; `{ $lang }` тілін қосу үшін сайт қалтасында i18n/{ $lang }.ftl файлын жасаңыз (ағылшынша мәтіндерді көшіріп, аударыңыз)
site-unknown-language-guess = { $kind ->
        [messages] `{ $lang }` тілінің интерфейс мәтіндері жоқ: i18n/{ $lang }.ftl файлы жоқ
       *[code] `{ $lang }` — тіл коды емес
    }
    .help = `{ $suggestion }` деп жазғыңыз келді ме? Кірістірілген тілдер: kk, ru және en; басқа тілге i18n/{ $lang }.ftl файлында интерфейс мәтіндері керек
site-theme-missing = `{ $path }` безендіру тақырыбының қалтасында templates/ қалтасы жоқ
    .help = `theme: default` деп жазыңыз немесе безендіру тақырыбы қалтасының site.yaml файлына қатысты жолын жазыңыз
site-base-url = `base_url` веб-мекенжай болуы керек (https://...)
option-base-url = `--base-url { $url }` — веб-мекенжай емес
    .help = сайттың толық мекенжайын жазыңыз, мысалы --base-url https://school.github.io/mediation/

## include: (анықтамалық сайт)

site-include-school = `include:` басқа қалталардың клубтарын анықтамалыққа біріктіреді, ал бұл — мектеп сайты
    .help = site.yaml файлына `kind: directory` деп жазыңыз немесе `include:` жолын өшіріңіз
site-include-missing = қосылған `{ $folder }` қалтасы ({ $path }) жоқ
    .help = `include:` тізімінің әр жолы — басқа сайт қалтасының (ішінде clubs/ бар) осы site.yaml файлына қатысты жолы, мысалы ../school-a
site-include-not-a-site = қосылған `{ $folder }` қалтасында ({ $path }) site.yaml файлы да, clubs/ қалтасы да жоқ
    .help = `include:` тізімінің әр жолы — басқа сайт қалтасының (ішінде clubs/ бар) осы site.yaml файлына қатысты жолы, мысалы ../school-a
site-include-itself = `{ $folder }` — осы сайттың өз қалтасы
    .help = `include:` тізімінің әр жолы — басқа сайт қалтасының (ішінде clubs/ бар) осы site.yaml файлына қатысты жолы, мысалы ../school-a
site-include-twice = `{ $folder }` қалтасы екі рет қосылған
    .help = `include:` тізімінің әр жолы — басқа сайт қалтасының (ішінде clubs/ бар) осы site.yaml файлына қатысты жолы, мысалы ../school-a

## Сілтемелер (мекенжайлар)

url-insecure = `{ $url }` шифрланбаған (http:)
    .help = сайттың https:// мекенжайы болса, соны жазыңыз
url-scheme = `{ $scheme }:` деп басталатын сілтемелерге рұқсат жоқ
    .label = қауіпті сілтеме
    .help = веб-мекенжай (https://...), электрондық пошта (mailto:...) немесе телефон (tel:...) жазыңыз
url-invalid = `{ $url }` — толық веб-мекенжай емес
    .help = мекенжайды толық, https:// бастап жазыңыз

## style: (сайттың өз безендіруі)

style-colour = `{ $value }` — #rrggbb түрінде жазылған түс емес
    .help = түсті # белгісі мен алты он алтылық цифр арқылы тырнақшаға алып жазыңыз, мысалы accent: "#0b5e6b"
style-contrast = `{ $value }` негізгі түсі тым ашық: сайттың ақ және сұр фонында оқылмайды
    .help = оқуға ыңғайлы ең жақын түс (WCAG AA, 4,5:1) — { $suggestion }: accent: "{ $suggestion }" деп жазыңыз
style-css-place = `{ $path }` — сайттың static/ қалтасындағы .css файлы емес
    .help = стиль файлын static/ қалтасына салыңыз, мысалы static/extra.css, және css: static/extra.css деп жазыңыз
style-css-missing = `{ $path }` файлы жоқ
    .help = стиль файлын static/ қалтасына салыңыз, мысалы static/extra.css, және css: static/extra.css деп жазыңыз
style-logo-place = `{ $path }` — сайттың static/ қалтасындағы сурет емес (.svg, .png, .jpg, .webp)
    .help = логотипті SVG немесе PNG ретінде static/ қалтасына сақтаңыз, мысалы static/logo.svg, және logo: static/logo.svg деп жазыңыз
style-logo-missing = `{ $path }` файлы жоқ
    .help = логотипті SVG немесе PNG ретінде static/ қалтасына сақтаңыз, мысалы static/logo.svg, және logo: static/logo.svg деп жазыңыз
style-logo-unreadable = `{ $path }` логотипін оқу мүмкін емес: { $error }
    .help = логотипті сурет редакторында ашып, SVG немесе PNG ретінде қайта сақтаңыз, мысалы static/logo.svg, және logo: static/logo.svg деп жазыңыз
style-logo-too-large = `{ $path }` логотипінің көлемі { $size } КБ; SVG логотипі { $max } КБ-тан аспауы керек, өйткені оны әр бет жүктейді
    .help = сурет салу бағдарламасынан қарапайым (оңтайландырылған) SVG немесе PNG ретінде қайта сақтаңыз
style-logo-active = бұл логотип ашылғанда скрипттерді іске қосуы немесе басқа сайттардан файлдар жүктеуі мүмкін: ішінде { $what ->
        [unreadable] оқылмайтын XML бар ({ $detail })
        [instruction] стильдер кестесінің нұсқауы (`<?xml-stylesheet`) бар
        [style] файлдарды жүктейтін немесе таңбаларды кері қиғаш сызықпен (`\`) кодтап жазатын стильдер кестесі бар
        [element] `<{ $detail }>` элементі бар
        [page-element] веб-беттің `<{ $detail }>` элементі бар
        [handler] `<{ $element }>` элементінде `{ $detail }` оқиға өңдеушісі бар
       *[attribute] `<{ $element }>` элементінде `{ $detail }` бар
    }
    .help = сурет салу бағдарламасында сол бөлігін өшіріңіз (немесе логотипті PNG ретінде сақтаңыз) және сайтты қайта жинаңыз
