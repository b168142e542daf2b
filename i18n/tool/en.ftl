# The tool's own messages (what bitimger says to a teacher), in English.
# The same ids and variables are in kk.ftl and ru.ftl (a test checks it).
# Site pages use ../en.ftl instead.

## The frame of every problem
diag-error = error
diag-warning = warning
diag-help = help
diag-note = note
# after the help of every problem; $code: its code, e.g. club/unknown-region
diag-explain = Run `bitimger explain { $code }` for more.

## Counts
count-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
count-files = { $n ->
    [one] { $n } file
   *[other] { $n } files
}
counts = { $errors }, { $warnings }

## check
check-clean = No problems found in { $site }.
check-found = Found { $counts }.

## A directory's included school folders (check, build, serve)
# under each problem in an included folder; $school: its path from the directory, e.g. ../school-b
diag-school = in the school folder { $school }, named in the directory's `include:`
# a line per school folder with problems; $counts: e.g. "2 errors, 0 warnings"
school-counts = School folder { $school }: { $counts }
# --skip-broken-includes; $n: how many folders were left out; $folders: their paths
includes-skipped = { $n ->
    [one] LEFT OUT of this site: { $n } included school folder with errors ({ $folders }); its clubs are not published.
   *[other] LEFT OUT of this site: { $n } included school folders with errors ({ $folders }); their clubs are not published.
}

## build
build-busy = another bitimger build is writing into { $folder }; waiting for it to finish
build-done = Built { $pages } pages ({ $files }{ $changed }) into { $folder } in { $seconds } s{ $problems }
build-all-unchanged = , all unchanged
build-changed = , { $n } changed
build-photos = Photos: { $reused } reused, { $new } new
build-kept = Kept { $files } not made by bitimger, as they were: { $names }
build-kept-more = and { $n } more
build-failed = Build failed: { $counts }. Nothing was written{ $previous }.
build-failed-previous = ; { $folder } still holds the previous site

## What the progress bar says it is doing (short)
phase-reading = reading the site
phase-photos = photos
phase-pages = pages
phase-checking = checking links
phase-writing = writing

## serve
serve-on = Serving on { $url }
serve-no-site = the site folder { $site } does not exist; create a site with `bitimger init { $site }`
serve-watching = Watching { $site } for changes. Press Ctrl+C to stop.
serve-polling = this computer cannot watch that many folders; changes are looked for twice a second
serve-no-browser = could not open a web browser ({ $reason }); open { $url } yourself
serve-every-address = every address of this computer, port { $port }
serve-network = the preview is visible on the network ({ $where }): other devices there can see the site, drafts included.
    It is a preview for checking the site, not a way to publish it: publish the folder written by `bitimger build` on a web host.
serve-built = Built { $pages } pages in { $seconds } s{ $problems }
serve-rebuilt = Rebuilt in { $ms } ms: { $files } changed{ $problems }
serve-first-failed = Build failed: { $counts }. The pages show the problems until they are fixed.
serve-rebuild-failed = Rebuild failed: { $counts }. The last good version of the site is still served.
serve-panel-title = { $errors ->
    [one] bitimger: 1 error. The last good version of the site is shown until it is fixed.
   *[other] bitimger: { $errors } errors. The last good version of the site is shown until they are fixed.
}
serve-panel-hide = Hide
serve-placeholder-building = The site is being built; this page reloads by itself.
serve-placeholder-failed = The site could not be built yet. Fix the problems below and save: this page reloads by itself.

## init and new
scaffold-created = created { $path }
scaffold-kept = kept    { $path } (already there, not changed)
scaffold-nothing = Nothing was created: every file was already there.
scaffold-school-has-club = this is a school site, and it has its club already (clubs/{ $club }); nothing was written. A school site has exactly one club; for more clubs write `kind: directory` in site.yaml.
init-next = Next: edit the files, then run `bitimger serve { $dir }` to see the site.
init-next-github = To publish: put this folder in a GitHub repository and, in its Settings → Pages, choose "GitHub Actions" as the source. Every push then builds the site, and a push to the main branch publishes it (docs/publish.md).
init-next-gitlab = To publish: put this folder in a GitLab project. Every push then builds the site, and a push to the main branch publishes it on GitLab Pages (docs/publish.md).

## theme export
theme-exported = { $n } files of the default theme are in { $dir }. Write `theme: { $dir }` in site.yaml (the path from the site folder), then edit them: templates/ holds the pages, static/assets/style.css the look, i18n/*.ftl the site's words (docs/templates.md).
theme-export-not-folder = { $path } is a file, not a folder: give the folder to write the theme into (it is made when missing)
theme-export-exists = nothing was written: { $n } { $n ->
        [one] file of the theme is
       *[other] files of the theme are
    } in { $dir } already, and bitimger never overwrites them; export into a new folder, or move these away first:
schema-exported = { $n } JSON Schemas are in { $dir }. Open the site folder in VS Code with the YAML extension and start a YAML file with `# yaml-language-server: $schema=` and the path of its schema: the editor then completes fields and underlines mistakes (docs/schema.md).
schema-export-not-folder = { $path } is a file, not a folder: give the folder to write the schemas into (it is made when missing)
schema-export-exists = nothing was written: { $n } { $n ->
        [one] schema is
       *[other] schemas are
    } in { $dir } already, and bitimger never overwrites them; delete the folder and run the command again to have schemas of this version, or choose a new folder:
export-link = { $path } is a link to another folder; bitimger writes only inside the folder you gave and never through links, so nothing was written: replace the link with a real folder, or choose another folder
export-io = { $path } could not be written: { $error }

## explain
explain-unknown = `{ $code }` is not the code of any problem bitimger reports; did you mean `{ $near }`? `bitimger explain` lists every code
explain-why = Why it matters:
explain-wrong = Wrong:
explain-right = Right:
explain-more = Every code: docs/check.md

## serve --edit: the editor in the browser
edit-not-loopback = --edit works only on this computer's own address: other devices on the network could change the site. Leave out --bind { $address }, or use --bind 127.0.0.1.
edit-open = Editor: open { $url } (the address holds a key: do not share it)
edit-button = Edit
edit-title = Edit { $file }
edit-back = Back to the page
edit-save = Save
edit-body = Text
edit-add = Add another (a copy of the last one, to change)
edit-remove = Remove
edit-remove-item = Remove { $item }
edit-photo-upload = Upload a photo for this field
edit-photo-field-help = Choose a photo with the button: it is checked and saved in the club's photos/ folder, and its path is written here. You can also type the path of a photo already in that folder, for example photos/aigul.jpg.
edit-yes = Yes
edit-not-saved = { $n ->
    [one] Nothing was saved: one problem must be fixed first.
   *[other] Nothing was saved: { $n } problems must be fixed first.
}
edit-conflict = This file was changed on disk after you opened this form (in another window or program). Nothing was saved. Your changes are still in the form below: save again to replace the file with them, or go back to the page and open the editor again to see the other change.
edit-new = Add
edit-new-title = Title of the news item
edit-new-news = New news item
edit-new-year = Academic year of the report
edit-new-report = New report
edit-photo = Add a photo to the club's photos/ folder (JPEG, PNG or WebP, up to 40 MB); then copy the line shown below into the text where the photo should appear
edit-photo-format = This is not a photo bitimger publishes: choose a JPEG, PNG or WebP file.
edit-not-content = This is not a file of the site that the editor can change.
edit-failed = The change could not be saved.
edit-bad-token = This editor address is wrong or old: open the address printed in the terminal where `bitimger serve --edit` runs.
edit-no-cookie = To edit, open the address printed in the terminal where `bitimger serve --edit` runs.
edit-bad-origin = This change did not come from the editor's own page, so it was refused.
