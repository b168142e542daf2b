# Собственные сообщения программы (что bitimger говорит учителю), по-русски.
# Те же идентификаторы и переменные есть в en.ftl и kk.ftl (это проверяет тест).

## Рамка каждой проблемы
diag-error = ошибка
diag-warning = предупреждение
diag-help = совет
diag-note = примечание
# после совета каждой проблемы; $code: её код, например club/unknown-region
diag-explain = Подробнее: `bitimger explain { $code }`.

## Количества
count-errors = { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
   *[many] { $n } ошибок
}
count-warnings = { $n ->
    [one] { $n } предупреждение
    [few] { $n } предупреждения
   *[many] { $n } предупреждений
}
count-files = { $n ->
    [one] { $n } файл
    [few] { $n } файла
   *[many] { $n } файлов
}
counts = { $errors }, { $warnings }

## check
check-clean = В папке { $site } проблем не найдено.
check-found = Найдено: { $counts }.

## Папки школ, подключённые к каталогу (check, build, serve)
# под каждой проблемой в подключённой папке; $school: её путь от каталога, например ../school-b
diag-school = в папке школы { $school }, указанной в `include:` каталога
# строка для каждой папки школы с проблемами; $counts: например, "2 ошибки, 0 предупреждений"
school-counts = Папка школы { $school }: { $counts }
# --skip-broken-includes; $n: сколько папок не включено; $folders: их пути
includes-skipped = { $n ->
    [one] НЕ ВКЛЮЧЕНА в этот сайт { $n } подключённая папка школы с ошибками ({ $folders }); её клубы не публикуются.
    [few] НЕ ВКЛЮЧЕНЫ в этот сайт { $n } подключённые папки школ с ошибками ({ $folders }); их клубы не публикуются.
   *[many] НЕ ВКЛЮЧЕНО в этот сайт { $n } подключённых папок школ с ошибками ({ $folders }); их клубы не публикуются.
}

## build
build-busy = в папку { $folder } пишет другая сборка bitimger; ждём, пока она закончит
build-done = { $pages ->
    [one] Создана { $pages } страница
    [few] Создано { $pages } страницы
   *[many] Создано { $pages } страниц
} ({ $files }{ $changed }) в папке { $folder } за { $seconds } с{ $problems }
build-all-unchanged = , всё без изменений
build-changed = , изменено: { $n }
build-photos = Фотографии: использовано готовых { $reused }, новых { $new }
build-kept = Оставлены как были ({ $files }, созданы не bitimger): { $names }
build-kept-more = и ещё { $n }
build-failed = Сборка не удалась: { $counts }. Ничего не записано{ $previous }.
build-failed-previous = ; в папке { $folder } осталась прежняя версия сайта

## Что делает программа, для полосы прогресса (коротко)
phase-reading = чтение сайта
phase-photos = фотографии
phase-pages = страницы
phase-checking = проверка ссылок
phase-writing = запись

## serve
serve-on = Сайт открыт по адресу { $url }
serve-no-site = папки сайта { $site } нет; создайте сайт командой `bitimger init { $site }`
serve-watching = Изменения в папке { $site } отслеживаются. Чтобы остановить, нажмите Ctrl+C.
serve-polling = этот компьютер не может следить за таким числом папок; изменения проверяются два раза в секунду
serve-no-browser = не удалось открыть браузер ({ $reason }); откройте { $url } сами
serve-every-address = все адреса этого компьютера, порт { $port }
serve-network = предпросмотр виден в сети ({ $where }): другие устройства в ней видят сайт, включая черновики.
    Это предпросмотр для проверки сайта, а не способ опубликовать его: опубликуйте на хостинге папку, которую записывает `bitimger build`.
serve-built = { $pages ->
    [one] Создана { $pages } страница
    [few] Создано { $pages } страницы
   *[many] Создано { $pages } страниц
} за { $seconds } с{ $problems }
serve-rebuilt = Пересобрано за { $ms } мс: изменено { $files }{ $problems }
serve-first-failed = Сборка не удалась: { $counts }. Страницы показывают проблемы, пока их не исправят.
serve-rebuild-failed = Пересборка не удалась: { $counts }. Показывается последняя рабочая версия сайта.
serve-panel-title = { $errors ->
    [one] bitimger: { $errors } ошибка. Пока она не исправлена, показывается последняя рабочая версия сайта.
    [few] bitimger: { $errors } ошибки. Пока они не исправлены, показывается последняя рабочая версия сайта.
   *[many] bitimger: { $errors } ошибок. Пока они не исправлены, показывается последняя рабочая версия сайта.
}
serve-panel-hide = Скрыть
serve-placeholder-building = Сайт собирается; эта страница обновится сама.
serve-placeholder-failed = Сайт пока не удалось собрать. Исправьте проблемы ниже и сохраните: эта страница обновится сама.

## init и new
scaffold-created = создан  { $path }
scaffold-kept = оставлен { $path } (уже был, не изменён)
scaffold-nothing = Ничего не создано: все файлы уже были.
scaffold-school-has-club = это сайт школы, и клуб у него уже есть (clubs/{ $club }); ничего не записано. На сайте школы ровно один клуб; для нескольких клубов напишите `kind: directory` в site.yaml.
init-next = Дальше: отредактируйте файлы и запустите `bitimger serve { $dir }`, чтобы увидеть сайт.
init-next-github = Чтобы опубликовать: поместите эту папку в репозиторий GitHub и в его Settings → Pages выберите источник «GitHub Actions». Тогда каждый push собирает сайт, а push в основную ветку публикует его (docs/publish.ru.md).
init-next-gitlab = Чтобы опубликовать: поместите эту папку в проект GitLab. Тогда каждый push собирает сайт, а push в основную ветку публикует его на GitLab Pages (docs/publish.ru.md).

## theme export
theme-exported = { $n } { $n ->
        [one] файл
        [few] файла
       *[many] файлов
    } темы по умолчанию — в { $dir }. Напишите `theme: { $dir }` в site.yaml (путь от папки сайта), затем меняйте их: в templates/ — страницы, в static/assets/style.css — оформление, в i18n/*.ftl — слова сайта (docs/templates.md).
theme-export-not-folder = { $path } — файл, а не папка: укажите папку, в которую записать тему (если её нет, она будет создана)
theme-export-exists = ничего не записано: в { $dir } уже есть файлы темы ({ $n }), а bitimger никогда их не перезаписывает; выгрузите тему в новую папку или сначала уберите эти файлы:
schema-exported = JSON Schema ({ $n }) записаны в { $dir }. Откройте папку сайта в VS Code с расширением YAML и начните YAML-файл строкой `# yaml-language-server: $schema=` с путём к его схеме: редактор будет подсказывать поля и подчёркивать ошибки (docs/schema.md).
schema-export-not-folder = { $path } — файл, а не папка: укажите папку, в которую записать схемы (если её нет, она будет создана)
schema-export-exists = ничего не записано: в { $dir } уже есть схемы ({ $n }), а bitimger никогда их не перезаписывает; чтобы получить схемы этой версии, удалите папку и запустите команду снова, или выберите новую папку:
export-link = { $path } — ссылка на другую папку; bitimger пишет только внутрь указанной папки и никогда через ссылки, поэтому ничего не записано: замените ссылку настоящей папкой или выберите другую папку
export-io = не удалось записать { $path }: { $error }

## explain
explain-unknown = `{ $code }` — не код проблемы, о которой сообщает bitimger; возможно, вы имели в виду `{ $near }`? Список всех кодов: `bitimger explain`
explain-why = Почему это важно:
explain-wrong = Неправильно:
explain-right = Правильно:
explain-more = Все коды: docs/check.md
