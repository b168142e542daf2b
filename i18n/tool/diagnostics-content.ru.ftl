# Тексты проблем, найденных при проверке файлов содержимого (club.yaml,
# отчёты, планы, новости, документы, фотографии), на русском. Английские
# тексты — в коде программы (src/content/); идентификатор — `.words("...")`
# в коде. В diagnostics-content.kk.ftl те же идентификаторы и переменные.

## Значения полей

lang-unknown = `{ $lang }` — не один из языков этого сайта ({ $langs })
    .label = неизвестный код языка
    .help = используйте коды языков из списка `languages` в site.yaml
lang-unknown-guess = `{ $lang }` — не один из языков этого сайта ({ $langs })
    .label = неизвестный код языка
    .help = Возможно, вы имели в виду `{ $suggestion }`?
field-empty = поле `{ $field }` пустое
    .help = напишите текст или, если поле необязательное, удалите строку
i18n-untranslated-field = в поле `{ $field }` нет текста на языках: { $langs }
    .help = добавьте перевод, например `{ $lang }: "..."`; пока его нет, читатели видят текст на другом языке
field-invalid-date = `{ $value }` — неправильная дата
    .label = нужно ГГГГ-ММ-ДД
    .help = запишите дату в виде год-месяц-день, например 2025-03-01, и проверьте, что такой день существует
field-invalid-year = `{ $value }` — не учебный год
    .label = нужно ГГГГ-ГГГГ
    .help = запишите учебный год как два года подряд, например 2024-2025
field-year-mismatch = учебный год { $year } не совпадает с именем файла `{ $file }`
    .help = напишите `year: { $expected }` или переименуйте файл в { $renamed }
club-unknown-region = `{ $value }` — не код региона
    .label = неизвестный регион
    .help = напишите один из кодов: { $codes }
club-unknown-region-guess = `{ $value }` — не код региона
    .label = неизвестный регион
    .help = Возможно, вы имели в виду `{ $suggestion }`? Коды регионов перечислены в формате содержимого, раздел 8
address-taken = у { $first } и { $second } получился бы один и тот же веб-адрес `{ $address }`
    .help = переименуйте один из двух файлов: адрес составляется из имени файла без даты и языка

## Клуб: контакты, люди, фотографии, принципы

club-invalid-phone = `{ $value }` — не номер телефона
    .help = напишите номер с кодом, например "+7 707 123 4567"
club-invalid-email = `{ $value }` — не адрес электронной почты
    .help = запишите адрес в виде name@example.kz
club-invalid-instagram = `{ $value }` — не имя аккаунта Instagram
    .help = напишите имя аккаунта (буквы, цифры, `.` и `_`), например mediation.senim, или его адрес https://instagram.com/...
club-photo-outside = фотография `{ $file }` находится вне папки сайта, поэтому она не публикуется
    .help = положите фотографию в папку клуба, например photos/leader1.jpg, и напишите этот путь
club-missing-photo = фотографии `{ $file }` нет
    .help = напишите путь от папки клуба, например photos/leader1.jpg, и проверьте имя файла
club-invalid-grades = таких классов не бывает: { $from }–{ $to }
    .help = напишите классы от 1 до 11 (или 12), `from` не больше `to`, например {"{"}from: 8, to: 11{"}"}
photos-missing-file = `{ $file }` нет в папке с фотографиями
    .help = проверьте имя файла (буквы, заглавные и строчные, расширение должны совпадать точно)
club-invalid-principles = `{ $value }` — так принципы перечислять нельзя
    .help = напишите `principles: default` для семи встроенных принципов, или список ключей, например `[voluntariness, confidentiality]`, или список элементов {"{"}title, text{"}"}
club-invalid-principles-one = `{ $value }` — так принципы перечислять нельзя
    .help = даже для одного принципа нужен список: `principles: [{ $key }]`
club-invalid-principles-default = `{ $value }` — так принципы перечислять нельзя
    .help = Возможно, вы имели в виду `default`? Это семь встроенных принципов
club-unknown-principle = `{ $key }` — не встроенный принцип
    .help = встроенные ключи: voluntariness, neutrality, confidentiality, equality, cooperation, responsibility, future; или напишите {"{"}title, text{"}"}
club-unknown-principle-guess = `{ $key }` — не встроенный принцип
    .help = Возможно, вы имели в виду `{ $suggestion }`?

## Отчёты, планы, новости, документы

report-figure-too-large = `{ $field }` равно { $value }: это больше, чем бывает у одного клуба за год (не больше 100 000)
    .help = проверьте число на опечатку: напишите показатель только этого клуба и только за этот год
report-resolved-over-cases = cases_resolved ({ $resolved }) больше, чем cases ({ $cases })
    .help = cases_resolved — число случаев, завершённых соглашением, поэтому оно не может быть больше cases
report-resolved-over-cases-in = в { $quarter } cases_resolved ({ $resolved }) больше, чем cases ({ $cases })
    .help = cases_resolved — число случаев, завершённых соглашением, поэтому оно не может быть больше cases
plan-invalid-when = `{ $value }` — не месяц, не четверть и не дата
    .help = напишите месяц (september ... may), четверть (term-1 ... term-4), дату (2025-10-15), monthly или weekly
plan-invalid-when-guess = `{ $value }` — не месяц, не четверть и не дата
    .help = Возможно, вы имели в виду `{ $suggestion }`?
news-pair-mismatch = дата отличается от даты в { $file }
    .help = у всех языковых версий новости должна быть одна и та же дата
documents-missing-file = `{ $file }` нет в папке документов
    .help = положите файл в папку documents/ рядом с documents.yaml и напишите его точное имя
