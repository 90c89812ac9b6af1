<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Archive</name>
    <message>
        <location filename="../../ymdesk/core/runs/archive.py" line="23"/>
        <source>Not archived: the product is held in a Market warehouse (OFFER_HAS_STOCKS).</source>
        <translation>Не отправлен в архив: товар хранится на складе Маркета (OFFER_HAS_STOCKS).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/archive.py" line="27"/>
        <source>Not archived: Market refused ({code}).</source>
        <translation>Не отправлен в архив: Маркет отказал ({code}).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/archive.py" line="28"/>
        <source>Not brought back from the archive: Market refused (the catalog may not have this SKU).</source>
        <translation>Не восстановлен из архива: Маркет отказал (возможно, в каталоге нет этого SKU).</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="216"/>
        <source>Pick</source>
        <translation>Выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="218"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="284"/>
        <source>Hidden in Excel: you may not have seen this row.</source>
        <translation>Скрыта в Excel: возможно, вы не видели эту строку.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="290"/>
        <source>The SKU is not valid.</source>
        <translation>SKU не подходит.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="294"/>
        <source>Duplicate: the same SKU is already in row %1; it is sent once.</source>
        <translation>Повтор: этот SKU уже есть в строке %1; он отправляется один раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="297"/>
        <source>Duplicate SKU; it is sent once.</source>
        <translation>Повторяющийся SKU; он отправляется один раз.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="114"/>
        <source>Market&apos;s list of the promo&apos;s products stopped early ({why}).</source>
        <extracomment>offerIds per read request (the spec&apos;s maxItems), and the page size for a promo (its maximum `limit`). The read methods&apos; documented limits on the lowest tier (x-resource-limit-config &quot;none&quot;): getCampaignOffers counts the offers it returns, the other two count requests. A check is called longer than the run only when it is longer by more than this.</extracomment>
        <translation>Маркет отдал список товаров акции не полностью ({why}).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="220"/>
        <source>Keeping to Market&apos;s read limit: next request in {seconds} s.</source>
        <extracomment>What the last `read` found so far, and how many of its SKUs were looked up: still meaningful after a ReadCancelled (store and catalog; a promo counts only when read whole).</extracomment>
        <translation>Соблюдаем лимит чтения Маркета: следующий запрос через {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="230"/>
        <source>Market&apos;s read limit was reached (HTTP 420); waiting {seconds} s as Market asks.</source>
        <translation>Исчерпан лимит чтения Маркета (HTTP 420); ждём {seconds} с, как просит Маркет.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="244"/>
        <source>{problem} Reading again in {seconds} s.</source>
        <translation>{problem} Повторное чтение через {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="291"/>
        <source>Checking {count:n} {count:plural:SKU|SKUs} against Market takes about {check}, longer than the run itself (about {run}): Market allows fewer reads than changes.</source>
        <translation>Проверка {count:n} SKU на Маркете займёт около {check} — дольше самого запуска (около {run}): Маркет разрешает меньше запросов на чтение, чем на изменение.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="296"/>
        <source>Checking {count:n} {count:plural:SKU|SKUs} against Market takes about {check}.</source>
        <translation>Проверка {count:n} SKU на Маркете займёт около {check}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="354"/>
        <source>the store</source>
        <extracomment>Catalog only: store (campaign id) -&gt; how many of the found SKUs it places; a catalog delete or an archive takes them out of every one of them.</extracomment>
        <translation>магазине</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="355"/>
        <source>the business catalog</source>
        <translation>каталоге кабинета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="356"/>
        <source>the promo</source>
        <translation>акции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="362"/>
        <source>Check cancelled after {checked:n} of {picked:n} {picked:plural:SKU|SKUs}.</source>
        <translation>Проверка отменена после {checked:n} из {picked:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="367"/>
        <source>Market has {found:n} of the {checked:n} checked {checked:plural:SKU|SKUs} in {where}.</source>
        <translation>В {where} на Маркете есть {found:n} из {checked:n} проверенных SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="373"/>
        <source>{count:n} {count:plural:is|are} not there: the run would report {count:plural:it|them} “not found”; you can drop {count:plural:it|them}.</source>
        <translation>Нет на Маркете: {count:n} SKU. Запуск отметит {count:plural:его|их|их} как «не найден»; {count:plural:его|их|их} можно исключить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="383"/>
        <source>{count:n} {count:plural:is|are} not in the archive: there is nothing to bring back.</source>
        <translation>Не в архиве: {count:n} SKU — восстанавливать нечего.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="389"/>
        <source>{count:n} {count:plural:is|are} already in the archive.</source>
        <translation>Уже в архиве: {count:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="391"/>
        <source>{count:n} {count:plural:is|are} in the archive (hidden in every store).</source>
        <translation>В архиве (скрыты во всех магазинах): {count:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="397"/>
        <source>{count} of them are placed in stores; this takes them out of all {stores} of those stores.</source>
        <translation>Из них размещены в магазинах: {count}; операция уберёт их из всех этих магазинов ({stores}).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="404"/>
        <source>Statuses on Market: {tally}.</source>
        <translation>Статусы на Маркете: {tally}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="475"/>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/check.py" line="476"/>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="97"/>
        <source>Check against Market</source>
        <extracomment>The missing SKUs listed in the dialog (all of them are dropped by the button).</extracomment>
        <translation>Проверить на Маркете</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="99"/>
        <source>Look the picked SKUs up on Market before the run: which it has, which it has not.</source>
        <translation>Проверить выбранные SKU на Маркете перед запуском: какие там есть, а каких нет.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="102"/>
        <source>Cancel the check</source>
        <translation>Отменить проверку</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="108"/>
        <source>Drop them from the run</source>
        <translation>Исключить их из запуска</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="189"/>
        <source>… and {count:n} more</source>
        <translation>… и ещё {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="191"/>
        <source>Drop these {count:n} from the run</source>
        <translation>Исключить эти SKU ({count:n}) из запуска</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="212"/>
        <source>{count:n} SKUs Market does not have were dropped from the run.</source>
        <translation>Из запуска исключены SKU, которых нет на Маркете: {count:n}.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../ymdesk/cli.py" line="381"/>
        <source>{file}: sheet {sheet}, header in row {header}, SKU column “{column}”.</source>
        <translation>{file}: лист {sheet}, заголовок в строке {header}, столбец SKU «{column}».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="425"/>
        <source>--batch-size must be between 1 and {max}.</source>
        <translation>--batch-size должен быть от 1 до {max}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="431"/>
        <source>{operation} needs --file with the SKUs to process.</source>
        <translation>Для {operation} нужен --file с SKU, которые надо обработать.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="445"/>
        <source>{operation} works on the whole target; --file is not used with it.</source>
        <translation>{operation} действует на весь магазин или акцию целиком; --file с ней не используется.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="439"/>
        <source>{file} has no valid SKUs to send; nothing was sent.</source>
        <translation>В {file} нет корректных SKU для отправки; ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="386"/>
        <source>{rows:n} {rows:plural:row|rows}: {valid:n} unique valid {valid:plural:SKU|SKUs}, {invalid:n} invalid, {dupes:n} {dupes:plural:duplicate|duplicates}.</source>
        <translation>{rows:n} {rows:plural:строка|строки|строк}: уникальных корректных SKU — {valid:n}, некорректных — {invalid:n}, {dupes:n} {dupes:plural:повтор|повтора|повторов}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="399"/>
        <source>Read as {encoding} (change with --encoding).</source>
        <translation>Прочитан в кодировке {encoding} (изменить: --encoding).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="405"/>
        <source>{count:n} {count:plural:row is|rows are} hidden in Excel and were read too: {rows}.</source>
        <translation>{count:n} {count:plural:строка скрыта|строки скрыты|строк скрыто} в Excel, но тоже {count:plural:прочитана|прочитаны|прочитано}: {rows}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="411"/>
        <source>  row {row}: {sku}: {reason}</source>
        <translation>  строка {row}: {sku}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="451"/>
        <source>--drop-missing goes only with --check.</source>
        <translation>--drop-missing используется только с --check.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="459"/>
        <source>No SKUs are left to send; nothing was sent.</source>
        <translation>Не осталось SKU для отправки; ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="493"/>
        <source>There is no job {job} in the journal; see ymdesk-cli jobs.</source>
        <translation>Задания {job} нет в журнале; список заданий: ymdesk-cli jobs.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="506"/>
        <source>Job {job} is being run by another ymdesk (process {pid} on {host}); nothing was sent. Wait for it to finish or stop that process, then resume.</source>
        <translation>Задание {job} уже выполняет другой экземпляр ymdesk (процесс {pid} на {host}); ничего не отправлено. Дождитесь его завершения или остановите этот процесс, затем продолжите задание.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="517"/>
        <source>Job {job} is already finished; nothing to send.</source>
        <translation>Задание {job} уже завершено; отправлять нечего.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="656"/>
        <source>Cannot listen on port {port} ({error}); pick another with --port.</source>
        <translation>Не удаётся занять порт {port} ({error}); укажите другой через --port.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="662"/>
        <source>Market simulator at {url}; API key: {key}. Press Ctrl+C to stop.</source>
        <translation>Симулятор Маркета: {url}; API-ключ: {key}. Для остановки нажмите Ctrl+C.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="678"/>
        <source>Business {id} «{name}»:</source>
        <translation>Кабинет {id} «{name}»:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="681"/>
        <source>  store {id} «{name}» ({model}), {count:n} {count:plural:product|products}</source>
        <translation>  магазин {id} «{name}» ({model}), {count:n} {count:plural:товар|товара|товаров}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="687"/>
        <source>  promo {id} «{name}»</source>
        <translation>  акция {id} «{name}»</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="689"/>
        <source>Try: YM_API_KEY={key} ymdesk-cli run delete-offers --campaign-id {store} --file {file} --api-url {url} --dry-run</source>
        <translation>Попробуйте: YM_API_KEY={key} ymdesk-cli run delete-offers --campaign-id {store} --file {file} --api-url {url} --dry-run</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="704"/>
        <source>Demo: the built-in Market simulator at {url}, sample catalog {file}.</source>
        <translation>Демо: встроенный симулятор Маркета на {url}, пример каталога {file}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="729"/>
        <source>Demo finished. The sample catalog holds invalid SKUs and SKUs held in a Market warehouse on purpose; the report lists them with the reasons.</source>
        <translation>Демо завершено. В примере каталога намеренно есть некорректные SKU и SKU, хранящиеся на складе Маркета; в отчёте они перечислены с причинами.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1056"/>
        <source>Report: {path}</source>
        <translation>Отчёт: {path}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1098"/>
        <source>{operation} needs --campaign-id (the store&apos;s id; see ymdesk-cli campaigns).</source>
        <translation>Для {operation} нужен --campaign-id (идентификатор магазина; см. ymdesk-cli campaigns).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1102"/>
        <source>{operation} needs --business-id (see ymdesk-cli campaigns).</source>
        <translation>Для {operation} нужен --business-id (см. ymdesk-cli campaigns).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1106"/>
        <source>delete-promo-offers needs --promo-id (see ymdesk-cli promos).</source>
        <translation>Для delete-promo-offers нужен --promo-id (см. ymdesk-cli promos).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1084"/>
        <source>delete-promo-offers needs either --file or --all-offers.</source>
        <translation>Для delete-promo-offers нужен либо --file, либо --all-offers.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="530"/>
        <source>Resuming job {job}: {left:n} {left:plural:SKU|SKUs} still to send.</source>
        <translation>Продолжаем задание {job}: осталось отправить {left:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="750"/>
        <source>Job {job} worked on the whole target; Market has nothing to re-read.</source>
        <translation>Задание {job} действовало на магазин или акцию целиком; перечитывать на Маркете нечего.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="778"/>
        <source>  row {row}: {sku}</source>
        <translation>  строка {row}: {sku}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="780"/>
        <location filename="../../ymdesk/cli.py" line="815"/>
        <source>… and {count:n} more.</source>
        <translation>… и ещё {count:n}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="801"/>
        <source>{operation} works on the whole target; there is nothing to check.</source>
        <translation>{operation} действует на весь магазин или акцию целиком; проверять нечего.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="813"/>
        <source>  not on Market: {sku}</source>
        <translation>  нет на Маркете: {sku}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="836"/>
        <source>Check cancelled; nothing was sent.</source>
        <translation>Проверка отменена; ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="840"/>
        <source>Dropping {count:n} {count:plural:SKU|SKUs} Market does not have from the run.</source>
        <translation>Исключаем из запуска SKU, которых нет на Маркете: {count:n}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="862"/>
        <source>{done:n} of {total:n} {total:plural:SKU|SKUs} read.</source>
        <translation>Прочитано {done:n} из {total:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="903"/>
        <source>Market refused the API key. Set YM_API_KEY to a valid key, or save a new key in the ymdesk app (Connect), then resume the job.</source>
        <translation>Маркет не принял API-ключ. Укажите действующий ключ в YM_API_KEY или сохраните новый ключ в приложении ymdesk («Подключиться»), затем продолжите задание.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="979"/>
        <source>Cancelling… (Ctrl+C again to stop at once)</source>
        <extracomment>The job a run or resume works on, for the --json object printed after an unexpected error.</extracomment>
        <translation>Отменяем… (нажмите Ctrl+C ещё раз, чтобы остановить сразу)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1028"/>
        <source>Job {job}, {status}: {succeeded:n} archived, {failed:n} not archived or failed, {invalid:n} invalid, {skipped:n} not sent.</source>
        <translation>Задание {job}, статус «{status}»: отправлено в архив — {succeeded:n}, не отправлено в архив или с ошибкой — {failed:n}, некорректных — {invalid:n}, не отправлено — {skipped:n}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1034"/>
        <source>Job {job}, {status}: {succeeded:n} back from the archive, {failed:n} not brought back or failed, {invalid:n} invalid, {skipped:n} not sent.</source>
        <translation>Задание {job}, статус «{status}»: восстановлено из архива — {succeeded:n}, не восстановлено или с ошибкой — {failed:n}, некорректных — {invalid:n}, не отправлено — {skipped:n}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1040"/>
        <source>Job {job}, {status}: {succeeded:n} deleted, {failed:n} not deleted or failed, {invalid:n} invalid, {skipped:n} not sent.</source>
        <translation>Задание {job}, статус «{status}»: удалено — {succeeded:n}, не удалено или с ошибкой — {failed:n}, некорректных — {invalid:n}, не отправлено — {skipped:n}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1108"/>
        <source>--all-offers goes only with delete-promo-offers.</source>
        <translation>--all-offers используется только с delete-promo-offers.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1220"/>
        <source>{operation}, {target}. Type {expected} to confirm: </source>
        <translation>{operation}, {target}. Для подтверждения введите {expected}: </translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1224"/>
        <source>{operation}, {target}: {count:n} {count:plural:SKU|SKUs}. Continue? [y/N] </source>
        <translation>{operation}, {target}: {count:n} SKU. Продолжить? [д/Н] </translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1320"/>
        <source>The log cannot be written ({reason}); going on without it.</source>
        <extracomment>--json promises one object on stdout however the command ends; _summarise prints it when a run gets that far.</extracomment>
        <translation>Не удаётся записать файл журнала ({reason}); продолжаем без него.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1096"/>
        <source>{option} must be a positive number.</source>
        <translation>{option} должен быть положительным числом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1155"/>
        <source>This key reaches no store with id {campaign}; nothing was sent. See ymdesk-cli campaigns for the stores it reaches.</source>
        <translation>С этим ключом нет доступа к магазину с ID {campaign}; ничего не отправлено. Доступные магазины: ymdesk-cli campaigns.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1195"/>
        <source>No API key: set the YM_API_KEY environment variable, or save the key in the ymdesk app.</source>
        <translation>Нет API-ключа: задайте переменную окружения YM_API_KEY или сохраните ключ в приложении ymdesk.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1208"/>
        <source>This run changes your Market catalog; confirm it with --yes when running without a terminal. Nothing was sent.</source>
        <translation>Этот запуск изменит ваш каталог на Маркете; без терминала подтвердите его ключом --yes. Ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1228"/>
        <source>Not confirmed; nothing was sent.</source>
        <translation>Не подтверждено; ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1263"/>
        <source>Stopped. The job stays in the journal; finish it with ymdesk-cli resume.</source>
        <translation>Остановлено. Задание сохранено в журнале; завершите его командой ymdesk-cli resume.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="1273"/>
        <source>ymdesk hit an unexpected error ({kind}); details are in {log}. Any job stays in the journal: finish it with ymdesk-cli resume.</source>
        <translation>В ymdesk произошла непредвиденная ошибка ({kind}); подробности в {log}. Задания сохранены в журнале: завершите их командой ymdesk-cli resume.</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <location filename="../../ymdesk/cli.py" line="122"/>
        <source>usage: </source>
        <translation>использование: </translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="125"/>
        <source>the following arguments are required: %s</source>
        <extracomment>argparse&apos;s own sentences that a person meets, translated like ours (argparse looks them up through its `_`).</extracomment>
        <translation>нужно указать: %s</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="126"/>
        <source>unrecognized arguments: %s</source>
        <translation>неизвестные аргументы: %s</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="127"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>аргумент %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="128"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>недопустимое значение: %(value)r (допустимые: %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="129"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>недопустимое значение типа %(type)s: %(value)r</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="130"/>
        <source>expected one argument</source>
        <translation>ожидается одно значение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="131"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>неоднозначный параметр: %(option)s может означать %(matches)s</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="132"/>
        <source>not allowed with argument %s</source>
        <translation>нельзя использовать вместе с аргументом %s</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="133"/>
        <source>show program&apos;s version number and exit</source>
        <translation>показать версию программы и выйти</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="135"/>
        <source>arguments</source>
        <translation>аргументы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="136"/>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="137"/>
        <source>see ymdesk-cli --help</source>
        <translation>см. ymdesk-cli --help</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="201"/>
        <source>API address (default: ${env} or https://api.partner.market.yandex.ru)</source>
        <translation>адрес API (по умолчанию: ${env} или https://api.partner.market.yandex.ru)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="225"/>
        <source>XLSX (or .csv) report of every SKU that did not succeed</source>
        <translation>отчёт XLSX (или .csv) по всем SKU, которые не удалось обработать</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="199"/>
        <source>one JSON summary on stdout at the end</source>
        <translation>в конце вывести одну сводку в JSON в stdout</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="198"/>
        <source>print JSON</source>
        <translation>вывод в JSON</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="248"/>
        <source>delete the products in the file from one store</source>
        <extracomment>What reading a catalog file takes, and what every run takes (an operation&apos;s and a resume&apos;s). What each operation does, for `ymdesk-cli run --help` and `ymdesk-cli run OPERATION --help`.</extracomment>
        <translation>удалить товары из файла из одного магазина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="249"/>
        <source>delete the products in the file from the whole business catalog, every store included</source>
        <translation>удалить товары из файла из всего каталога кабинета, включая все магазины</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="252"/>
        <source>take the products in the file out of a promo, or leave the promo entirely (--all-offers)</source>
        <translation>убрать товары из файла из акции или выйти из акции полностью (--all-offers)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="255"/>
        <source>remove every price set through the API in one store (legacy method; no file)</source>
        <translation>удалить все цены, заданные через API, в одном магазине (устаревший метод; без файла)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="194"/>
        <source>language of messages</source>
        <extracomment>Every argument of every command, declared once by a key: its flags and argparse&apos;s keywords (its help is _HELP[key]). A command picks its own with `_add`. The arguments&apos; help (CliHelp texts; {env} and {max} in them are filled in when the parser is built).</extracomment>
        <translation>язык сообщений</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="195"/>
        <source>debug logging</source>
        <translation>подробный журнал для отладки</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="196"/>
        <source>show this help and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="268"/>
        <source>Bulk clean-up of a Yandex Market catalog (Partner API).</source>
        <translation>Массовая чистка каталога на Яндекс Маркете (Partner API).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="276"/>
        <source>show the version and exit</source>
        <translation>показать версию и выйти</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="289"/>
        <source>read a catalog file and show what would be sent</source>
        <translation>прочитать файл каталога и показать, что будет отправлено</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="197"/>
        <source>the catalog: XLSX, XLS, ODS or CSV</source>
        <translation>каталог: XLSX, XLS, ODS или CSV</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="200"/>
        <source>with --json: list the unique valid SKUs</source>
        <translation>с --json: перечислить уникальные корректные SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="295"/>
        <source>run an operation (ymdesk-cli run OPERATION --help)</source>
        <translation>запустить операцию (ymdesk-cli run ОПЕРАЦИЯ --help)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="303"/>
        <source>stores reachable with the key</source>
        <translation>магазины, доступные по ключу</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="304"/>
        <source>promos of a business</source>
        <translation>акции кабинета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="212"/>
        <source>the business&apos;s id (see ymdesk-cli campaigns)</source>
        <translation>ID кабинета (см. ymdesk-cli campaigns)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="306"/>
        <source>the journal of runs</source>
        <translation>журнал запусков</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="309"/>
        <source>re-read the SKUs a run recorded as done; list any Market still shows</source>
        <translation>перечитать SKU, которые запуск отметил как выполненные, и перечислить те, что ещё видны на Маркете</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="203"/>
        <source>the job&apos;s number (see ymdesk-cli jobs)</source>
        <translation>номер задания (см. ymdesk-cli jobs)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="202"/>
        <source>API address (default: the job&apos;s, ${env} or the Market API)</source>
        <translation>адрес API (по умолчанию: адрес задания, ${env} или API Маркета)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="315"/>
        <source>finish an interrupted run</source>
        <translation>завершить прерванный запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="204"/>
        <source>also send again the SKUs that failed for a cause worth retrying (network, timeout, 5xx, 423); never those Market refused</source>
        <translation>также повторно отправить SKU, не прошедшие по причине, при которой стоит повторить (сеть, тайм-аут, 5xx, 423); отклонённые Маркетом — никогда</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="318"/>
        <source>the built-in Market simulator on 127.0.0.1</source>
        <translation>встроенный симулятор Маркета на 127.0.0.1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="209"/>
        <source>port to listen on (default 8765)</source>
        <translation>порт для прослушивания (по умолчанию 8765)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="210"/>
        <source>a catalog whose SKUs the demo stores hold (default: the sample)</source>
        <translation>каталог, SKU которого есть в демо-магазинах (по умолчанию — пример)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="322"/>
        <source>the whole flow on the sample catalog against the built-in simulator</source>
        <translation>весь сценарий на примере каталога со встроенным симулятором</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="211"/>
        <source>the store&apos;s id (see ymdesk-cli campaigns)</source>
        <translation>ID магазина (см. ymdesk-cli campaigns)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="213"/>
        <source>the promo&apos;s id, e.g. &apos;#600101&apos; (see ymdesk-cli promos)</source>
        <translation>ID акции, например &apos;#600101&apos; (см. ymdesk-cli promos)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="214"/>
        <source>leave the promo entirely (instead of --file)</source>
        <translation>выйти из акции полностью (вместо --file)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="215"/>
        <source>the catalog with the SKUs</source>
        <translation>каталог с SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="216"/>
        <source>read, validate and plan; send nothing</source>
        <translation>прочитать, проверить и спланировать; ничего не отправлять</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="217"/>
        <source>look the SKUs up on Market first (with --dry-run: only check)</source>
        <translation>сначала проверить SKU на Маркете (с --dry-run: только проверить)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="218"/>
        <source>with --check: do not send SKUs Market does not have</source>
        <translation>с --check: не отправлять SKU, которых нет на Маркете</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="219"/>
        <source>SKUs per request (1..{max})</source>
        <translation>SKU в запросе (1..{max})</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="220"/>
        <source>sheet name (default: the one with the clearest SKU column)</source>
        <translation>имя листа (по умолчанию: лист с самым явным столбцом SKU)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="221"/>
        <source>header of the SKU column (default: detected)</source>
        <translation>заголовок столбца SKU (по умолчанию определяется автоматически)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="222"/>
        <source>text encoding of a CSV/TXT file, e.g. cp1251, utf-8, cp866, koi8-r (default: detected)</source>
        <translation>кодировка файла CSV/TXT, например cp1251, utf-8, cp866, koi8-r (по умолчанию определяется автоматически)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="226"/>
        <source>write the report with every SKU, always</source>
        <translation>всегда записывать отчёт со всеми SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="227"/>
        <source>do not ask for confirmation</source>
        <translation>не запрашивать подтверждение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="228"/>
        <source>pace to N units per SECONDS when Market sends no limit headers (default: the documented limit)</source>
        <translation>темп: N единиц за SECONDS секунд, если Маркет не присылает заголовки лимитов (по умолчанию — документированный лимит)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="146"/>
        <source>{text} is not N/SECONDS, e.g. 5000/60</source>
        <translation>{text} — не в формате N/SECONDS, например 5000/60</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="150"/>
        <source>{text}: both numbers must be positive</source>
        <translation>{text}: оба числа должны быть положительными</translation>
    </message>
</context>
<context>
    <name>CliTable</name>
    <message>
        <location filename="../../ymdesk/cli.py" line="557"/>
        <source>Store id</source>
        <extracomment>The columns of the tables `campaigns`, `promos` and `jobs` print: (command, field, heading). The headings are translated; the fields of `campaigns` and `promos` are their --json keys.</extracomment>
        <translation>ID магазина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="558"/>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="559"/>
        <source>Business id</source>
        <translation>ID кабинета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="560"/>
        <source>Business</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="561"/>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="562"/>
        <source>API access</source>
        <translation>Доступ к API</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="563"/>
        <source>Promo id</source>
        <translation>ID акции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="564"/>
        <source>Promo</source>
        <translation>Акция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="565"/>
        <source>Mechanics</source>
        <translation>Механика</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="566"/>
        <source>Taking part</source>
        <translation>Участвует</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="567"/>
        <source>Processing</source>
        <translation>Обработка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="568"/>
        <source>Products in it</source>
        <translation>Товаров в акции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="569"/>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="570"/>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="571"/>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="572"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="573"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="574"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="575"/>
        <source>SKUs by outcome</source>
        <translation>SKU по итогам</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="579"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="580"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="65"/>
        <source>Remove ALL prices set through the API in the store “{target}”? This cannot be undone.</source>
        <translation>Удалить ВСЕ цены, заданные через API, в магазине «{target}»? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="69"/>
        <source>Leave the promo “{target}” entirely, with all products? This cannot be undone.</source>
        <translation>Выйти из акции «{target}» полностью, со всеми товарами? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="73"/>
        <source>Resume run #{job}: send the {count:n} SKUs left ({operation}) to “{target}”?</source>
        <translation>Продолжить запуск №{job} ({operation}): отправить оставшиеся SKU ({count:n}) для «{target}»?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="43"/>
        <source>Delete {count:n} products from the store “{target}”? This cannot be undone.</source>
        <extracomment>The question before a run over picked SKUs, per operation (translated when it is asked).</extracomment>
        <translation>Удалить {count:n} {count:plural:товар|товара|товаров} из магазина «{target}»? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="46"/>
        <source>Delete {count:n} products from the catalog of the business “{target}”, from all its stores? This cannot be undone.</source>
        <translation>Удалить {count:n} {count:plural:товар|товара|товаров} из каталога кабинета «{target}», из всех его магазинов? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="51"/>
        <source>Remove {count:n} products from the promo “{target}”?</source>
        <translation>Убрать {count:n} {count:plural:товар|товара|товаров} из акции «{target}»?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="52"/>
        <source>Archive {count:n} products of the business “{target}”? They are hidden in every store; this can be undone by restoring them from the archive.</source>
        <translation>Отправить в архив {count:n} {count:plural:товар|товара|товаров} кабинета «{target}»? Они будут скрыты во всех магазинах; это можно отменить, восстановив их из архива.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="57"/>
        <source>Bring {count:n} products of the business “{target}” back from the archive?</source>
        <translation>Восстановить из архива {count:n} {count:plural:товар|товара|товаров} кабинета «{target}»?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="78"/>
        <source>It takes {estimate}.</source>
        <translation>Это займёт {estimate}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="87"/>
        <source>Delete from the whole catalog?</source>
        <translation>Удалить из всего каталога?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="89"/>
        <source>Deleting {count:n} products from the catalog of “{target}” removes them from every store and cannot be undone. Archiving hides them in every store instead, and can be undone.</source>
        <translation>Удаление {count:n} {count:plural:товара|товаров|товаров} из каталога «{target}» уберёт их из всех магазинов, и его нельзя отменить. Архивирование же скрывает их во всех магазинах, и его можно отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="102"/>
        <source>Archive instead (can be undone)</source>
        <translation>Отправить в архив (можно отменить)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="105"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="122"/>
        <source>Confirm the run</source>
        <translation>Подтвердите запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="134"/>
        <source>To confirm, type the ID: {id}</source>
        <translation>Для подтверждения введите ID: {id}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="137"/>
        <source>To confirm, type the number of products: {count:n}</source>
        <translation>Для подтверждения введите количество товаров: {count:n}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="39"/>
        <source>Connect to Yandex Market</source>
        <translation>Подключение к Яндекс Маркету</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="48"/>
        <source>Paste the API key from the seller cabinet (Settings &gt; API and modules). It is kept in the system keyring, never in files.</source>
        <translation>Вставьте API-ключ из кабинета продавца (Настройки &gt; API и модули). Он хранится в системном хранилище паролей и никогда не записывается в файлы.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="56"/>
        <source>ACMA:…</source>
        <translation>ACMA:…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="57"/>
        <source>Show the key</source>
        <translation>Показать ключ</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="63"/>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="65"/>
        <source>Forget the key</source>
        <translation>Забыть ключ</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="72"/>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="73"/>
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78"/>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78"/>
        <source>Store ID</source>
        <translation>ID магазина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78"/>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78"/>
        <source>Business</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="85"/>
        <source>Save the key</source>
        <translation>Сохранить ключ</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="101"/>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="152"/>
        <source>Paste the API key first.</source>
        <translation>Сначала вставьте API-ключ.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="106"/>
        <source>Asking Market for the list of stores…</source>
        <translation>Запрашиваем у Маркета список магазинов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ymdesk/ui/connect_dialog.py" line="128"/>
        <source>Connected: the key works for %n store(s).</source>
        <translation>
            <numerusform>Подключено: ключ работает для %n магазина.</numerusform>
            <numerusform>Подключено: ключ работает для %n магазинов.</numerusform>
            <numerusform>Подключено: ключ работает для %n магазинов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="131"/>
        <source>The connection test failed.</source>
        <translation>Проверка подключения не удалась.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="147"/>
        <source>The key was removed from the keyring.</source>
        <translation>Ключ удалён из хранилища паролей.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="401"/>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="404"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} мин {seconds} с</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="406"/>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="408"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="34"/>
        <source>The API key was not accepted</source>
        <translation>API-ключ не принят</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="36"/>
        <source>Open Market &gt; Connect, paste the key again or create a new one in the seller cabinet (Settings &gt; API and modules).</source>
        <translation>Откройте «Маркет &gt; Подключиться» и вставьте ключ ещё раз или создайте новый в кабинете продавца (Настройки &gt; API и модули).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="44"/>
        <source>The API key lacks access</source>
        <translation>У API-ключа нет доступа</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="46"/>
        <source>In the seller cabinet, give the key access to this store and the needed permission (for example, managing products and prices), then try again.</source>
        <translation>В кабинете продавца дайте ключу доступ к этому магазину и нужные права (например, управление товарами и ценами), затем повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="54"/>
        <source>Market&apos;s request limit was reached</source>
        <translation>Исчерпан лимит запросов Маркета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="56"/>
        <source>Wait a few minutes and run again; ymdesk continues where it stopped.</source>
        <translation>Подождите несколько минут и запустите снова: ymdesk продолжит с того места, где остановился.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="62"/>
        <source>The store is busy on Market&apos;s side</source>
        <translation>Магазин занят на стороне Маркета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="64"/>
        <source>Try again in a few minutes.</source>
        <translation>Повторите через несколько минут.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="68"/>
        <source>The store or promo was not found</source>
        <translation>Магазин или акция не найдены</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="70"/>
        <source>The store may be disconnected from the API or the promo may be over; refresh the list in Market &gt; Connect.</source>
        <translation>Возможно, магазин отключён от API или акция закончилась; обновите список в «Маркет &gt; Подключиться».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="78"/>
        <source>No connection to Market</source>
        <translation>Нет связи с Маркетом</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="80"/>
        <source>Check the internet connection (and the proxy, if your office uses one), then try again.</source>
        <translation>Проверьте подключение к интернету (и прокси, если он есть в офисе), затем повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="86"/>
        <source>Market refused the request</source>
        <translation>Маркет отклонил запрос</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="88"/>
        <source>Check the store and the file, then try again.</source>
        <translation>Проверьте магазин и файл, затем повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="91"/>
        <source>Cannot continue</source>
        <translation>Невозможно продолжить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="93"/>
        <location filename="../../ymdesk/ui/errors.py" line="136"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="95"/>
        <source>Try again; if it keeps happening, send the log file to support.</source>
        <translation>Повторите; если ошибка повторяется, отправьте файл журнала в поддержку.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="137"/>
        <source>ymdesk met an unexpected error: {error}</source>
        <translation>В ymdesk произошла непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="142"/>
        <source>Runs are recorded in the journal, so nothing is lost. The details for support are in {path}.</source>
        <translation>Запуски записаны в журнал, поэтому ничего не потеряно. Подробности для поддержки — в {path}.</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="110"/>
        <source>Getting started</source>
        <translation>Начало работы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="123"/>
        <source>Large or irreversible runs ask you to type the count or the store id. A run can be cancelled at any time and resumed from History; the report lists every SKU that did not succeed.</source>
        <translation>Для крупных или необратимых запусков нужно ввести количество или ID магазина. Запуск можно отменить в любой момент и продолжить из «Истории»; в отчёте перечислены все SKU, которые не удалось обработать.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="26"/>
        <source>1. Open a catalog</source>
        <translation>1. Откройте каталог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="27"/>
        <source>Export the catalog from the seller cabinet (XLSX, XLS, ODS or CSV) and open it, or drop it on the window. ymdesk finds the SKU column and marks invalid SKUs and duplicates.</source>
        <translation>Выгрузите каталог из кабинета продавца (XLSX, XLS, ODS или CSV) и откройте его или перетащите в окно. ymdesk найдёт столбец SKU и отметит некорректные SKU и повторы.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="34"/>
        <source>2. Pick the SKUs</source>
        <translation>2. Выберите SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="35"/>
        <source>Filter the rows (a part of a SKU, name, category) and pick them with Pick shown, the checkboxes or Space; or paste a list of SKUs.</source>
        <translation>Отфильтруйте строки (по части SKU, названия, категории) и выберите их кнопкой «Выбрать показанные», флажками или клавишей Пробел; или вставьте список SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="42"/>
        <source>3. Run an operation</source>
        <translation>3. Запустите операцию</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="43"/>
        <source>Connect with your Market API key, choose the operation and the store, check the preview and confirm. Every SKU&apos;s outcome is kept; History shows past runs and resumes an interrupted one.</source>
        <translation>Подключитесь с API-ключом Маркета, выберите операцию и магазин, проверьте предпросмотр и подтвердите. Итог по каждому SKU сохраняется; в «Истории» видны прошлые запуски, там же можно продолжить прерванный.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="147"/>
        <source>Space</source>
        <translation>Пробел</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="148"/>
        <source>Pick or unpick the selected rows</source>
        <translation>Выбрать выделенные строки или снять с них выбор</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ymdesk/core/runs/events.py" line="32"/>
        <source>planned</source>
        <extracomment>A title for every JobStatus, for History, `ymdesk-cli jobs` and the CLI&apos;s summary (tests enumerate them: a missing one crashed History). The context is History&apos;s, where they were first translated.</extracomment>
        <translation>запланирован</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/events.py" line="33"/>
        <location filename="../../ymdesk/core/runs/events.py" line="38"/>
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/events.py" line="34"/>
        <source>done</source>
        <translation>выполнен</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/events.py" line="35"/>
        <source>stopped by Market</source>
        <translation>остановлен Маркетом</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/events.py" line="36"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/events.py" line="37"/>
        <source>failed</source>
        <translation>завершён с ошибкой</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="45"/>
        <source>History of runs</source>
        <translation>История запусков</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="52"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="53"/>
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="54"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="55"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="56"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="57"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="58"/>
        <source>Outcomes</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="64"/>
        <source>Resume the run</source>
        <translation>Продолжить запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="68"/>
        <source>Also send again the SKUs that failed for a passing cause (network, timeout, Market&apos;s errors)</source>
        <translation>Также повторно отправить SKU, не прошедшие по временной причине (сеть, тайм-аут, ошибки Маркета)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="72"/>
        <source>SKUs Market refused (invalid, rejected, not found) are never sent again.</source>
        <translation>SKU, которые Маркет не принял (некорректные, отклонённые, не найденные), повторно не отправляются.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="75"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="83"/>
        <source>Interrupted or cancelled runs can be resumed: only the SKUs not done are sent.</source>
        <translation>Прерванные и отменённые запуски можно продолжить: отправятся только необработанные SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="154"/>
        <source>This run was made in demo mode, against the built-in simulator. Start ymdesk --demo to resume it.</source>
        <translation>Этот запуск выполнялся в демо-режиме, на встроенном симуляторе. Чтобы продолжить его, запустите ymdesk --demo.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="158"/>
        <source>This run was sent to {sent_to}, but ymdesk is now connected to {connected_to}.</source>
        <translation>Этот запуск отправлялся на {sent_to}, а сейчас ymdesk подключён к {connected_to}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="162"/>
        <source>Cannot resume here</source>
        <translation>Здесь продолжить нельзя</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="205"/>
        <source>The data folder {folder} cannot be written ({reason}); nothing was sent. Make it writable, or point YMDESK_HOME at a folder that is.</source>
        <extracomment>items as of format 3: `raw` is NULL where the cell is the SKU itself (nearly every item: writing each SKU twice cost 0.2 s per 1M of a job&apos;s start, and 13 MB); readers take COALESCE(raw, sku). What the person reads when the journal fails, by kind of failure, and the exit code (2: fix it, nothing was sent).</extracomment>
        <translation>В папку данных {folder} нельзя записывать ({reason}); ничего не отправлено. Разрешите запись в неё или укажите в YMDESK_HOME папку, доступную для записи.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="213"/>
        <source>The disk holding the journal {path} is full; nothing more was sent. The batch in flight is recorded as sent without an answer: free some space, then resume the job.</source>
        <translation>Диск с журналом {path} заполнен; больше ничего не отправлено. Пакет, который был в пути, записан как отправленный без ответа: освободите место, затем продолжите задание.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="221"/>
        <source>The journal {path} is locked by another program; nothing more was sent. Close that program (a database viewer, a backup or sync tool), then resume the job.</source>
        <translation>Журнал {path} заблокирован другой программой; больше ничего не отправлено. Закройте эту программу (просмотрщик баз данных, программу резервного копирования или синхронизации), затем продолжите задание.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="229"/>
        <source>The journal {path} cannot be opened ({reason}); nothing was sent. Check that its folder exists and can be written, or point YMDESK_HOME at one that can.</source>
        <translation>Журнал {path} не открывается ({reason}); ничего не отправлено. Проверьте, что его папка существует и доступна для записи, или укажите в YMDESK_HOME такую папку.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="236"/>
        <source>The journal {path} failed ({reason}); nothing more was sent.</source>
        <translation>Сбой журнала {path} ({reason}); больше ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="276"/>
        <source>The journal {path} is damaged ({detail}); nothing was sent. Move it aside (rename it to {aside}, with its -wal and -shm files if they are there) and ymdesk starts a new one; the old one keeps what it held.</source>
        <translation>Журнал {path} повреждён ({detail}); ничего не отправлено. Переместите его (переименуйте в {aside}, вместе с файлами -wal и -shm, если они есть), и ymdesk начнёт новый журнал; в старом сохранится всё, что в нём было.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="371"/>
        <source>The journal {path} was written by a newer ymdesk (format {found}, this one knows {known}); update ymdesk.</source>
        <translation>Журнал {path} записан более новой версией ymdesk (формат {found}, эта версия знает {known}); обновите ymdesk.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="412"/>
        <source>Job {job} is being run by another ymdesk (process {pid} on {host}); wait for it to finish, or stop that process, then resume.</source>
        <translation>Задание {job} уже выполняет другой экземпляр ymdesk (процесс {pid} на {host}); дождитесь его завершения или остановите этот процесс, затем продолжите задание.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="115"/>
        <source>&amp;Open catalog…</source>
        <translation>&amp;Открыть каталог…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="117"/>
        <source>Pick all &amp;shown</source>
        <translation>Выбрать все &amp;показанные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="118"/>
        <source>Pick &amp;none</source>
        <translation>&amp;Снять выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="119"/>
        <source>&amp;Invert picks of shown rows</source>
        <translation>&amp;Обратить выбор в показанных строках</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="121"/>
        <source>&amp;Paste SKUs to pick…</source>
        <translation>Вст&amp;авить SKU для выбора…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="123"/>
        <source>Show &amp;picked only</source>
        <translation>Показывать только &amp;выбранные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="124"/>
        <source>Show in&amp;valid only</source>
        <translation>Показывать только &amp;некорректные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="126"/>
        <source>Show &amp;duplicates only</source>
        <translation>Показывать только &amp;повторы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="128"/>
        <source>&amp;Connect to Market…</source>
        <translation>&amp;Подключиться к Маркету…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="129"/>
        <source>&amp;Run an operation…</source>
        <translation>&amp;Запустить операцию…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="130"/>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="131"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="132"/>
        <source>&amp;About ymdesk</source>
        <translation>&amp;О программе ymdesk</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="134"/>
        <source>&amp;Getting started</source>
        <translation>&amp;Начало работы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="136"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="138"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="139"/>
        <source>Pick shown</source>
        <translation>Выбрать показанные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="140"/>
        <source>Pick none</source>
        <translation>Снять выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="141"/>
        <source>Invert</source>
        <translation>Обратить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="143"/>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="144"/>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="145"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="153"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="155"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="162"/>
        <source>&amp;Pick</source>
        <translation>&amp;Выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="169"/>
        <source>&amp;Market</source>
        <translation>&amp;Маркет</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="172"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="178"/>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="197"/>
        <source>picked</source>
        <translation>выбранные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="198"/>
        <source>invalid</source>
        <translation>некорректные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="199"/>
        <source>duplicates</source>
        <translation>повторы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="202"/>
        <source>all rows</source>
        <translation>все</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="203"/>
        <source>Show: %1</source>
        <translation>Показать: %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="211"/>
        <source>Open a catalog exported from the seller cabinet (XLSX or CSV), or drop it here.</source>
        <translation>Откройте каталог, выгруженный из кабинета продавца (XLSX или CSV), или перетащите его сюда.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="221"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="223"/>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="227"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 с BOM</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="229"/>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (кириллица)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="230"/>
        <source>DOS-866 (Cyrillic)</source>
        <translation>DOS-866 (кириллица)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="232"/>
        <source>Mac Cyrillic</source>
        <translation>Mac (кириллица)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="235"/>
        <source>The text encoding of this file; pick another if the text looks wrong.</source>
        <translation>Кодировка текста этого файла; выберите другую, если текст отображается неправильно.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="241"/>
        <source>SKU column:</source>
        <translation>Столбец SKU:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="247"/>
        <source>Filter rows: type a part of a SKU, name, category…</source>
        <translation>Фильтр строк: введите часть SKU, названия, категории…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="254"/>
        <source>Regular expression</source>
        <translation>Регулярное выражение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="605"/>
        <source>Picked {rows:n} {rows:plural:row|rows} for {pasted:n} pasted {pasted:plural:SKU|SKUs}; {missing:n} {missing:plural:is|are} not in this file.</source>
        <translation>Вставлено SKU: {pasted:n}; {rows:plural:выбрана|выбраны|выбрано} {rows:n} {rows:plural:строка|строки|строк}; нет в этом файле: {missing:n}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="661"/>
        <source>[DEMO] {title}</source>
        <translation>[ДЕМО] {title}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="711"/>
        <source>ymdesk {version}

Bulk clean-up of Yandex Market catalogs through the Market Partner API: delete products from a store or the business catalog, remove them from promos, remove API prices.</source>
        <translation>ymdesk {version}

Массовая чистка каталогов на Яндекс Маркете через Partner API: удаление товаров из магазина или каталога кабинета, вывод товаров из акций, удаление цен, заданных через API.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="738"/>
        <source>Open another file?</source>
        <translation>Открыть другой файл?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="740"/>
        <source>{picked:n} {picked:plural:row is|rows are} picked in {file}. Reload it and drop the picks?</source>
        <translation>В {file} {picked:plural:выбрана|выбраны|выбрано} {picked:n} {picked:plural:строка|строки|строк}. Загрузить файл заново и сбросить выбор?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="744"/>
        <source>{picked:n} {picked:plural:row is|rows are} picked in {file}. Open {new} and drop the picks?</source>
        <translation>В {file} {picked:plural:выбрана|выбраны|выбрано} {picked:n} {picked:plural:строка|строки|строк}. Открыть {new} и сбросить выбор?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="749"/>
        <source>To keep them, cancel and run the operation first; in the new file, Paste SKUs picks a list.</source>
        <translation>Чтобы сохранить выбор, нажмите «Отмена» и сначала выполните операцию; в новом файле список можно выбрать через «Вставить SKU».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="754"/>
        <source>Open and drop the picks</source>
        <translation>Открыть и сбросить выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="304"/>
        <source>Cancel loading</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="315"/>
        <source>DEMO · simulator {url}</source>
        <translation>ДЕМО · симулятор {url}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="324"/>
        <source>Open a catalog</source>
        <translation>Открыть каталог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="389"/>
        <source>Loading cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="447"/>
        <source>(CSV)</source>
        <translation>(CSV)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="499"/>
        <source>(no recent files)</source>
        <translation>(нет недавних файлов)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="502"/>
        <source>Clear the list</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="555"/>
        <source>Filtering…</source>
        <translation>Фильтруем…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="142"/>
        <location filename="../../ymdesk/ui/main_window.py" line="595"/>
        <source>Paste SKUs</source>
        <translation>Вставить SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="269"/>
        <source>Where:</source>
        <translation>Где:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="316"/>
        <source>Demo mode: the built-in Market simulator; no real store is touched.</source>
        <translation>Демо-режим: встроенный симулятор Маркета; настоящие магазины не затрагиваются.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="326"/>
        <source>Catalogs (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.zip);;All files (*)</source>
        <translation>Каталоги (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.zip);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="349"/>
        <source>Reading {file}…</source>
        <translation>Читаем {file}…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="424"/>
        <source>Loaded {rows:n} {rows:plural:row|rows}.</source>
        <translation>{rows:plural:Загружена|Загружены|Загружено} {rows:n} {rows:plural:строка|строки|строк}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="464"/>
        <source>In all columns</source>
        <translation>Во всех столбцах</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="489"/>
        <source>Checking the SKUs in “{column}”…</source>
        <translation>Проверяем SKU в столбце «{column}»…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="566"/>
        <source>This regular expression is not valid: {error}</source>
        <translation>Некорректное регулярное выражение: {error}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="595"/>
        <source>The clipboard has no SKUs. Copy a column of SKUs first.</source>
        <translation>В буфере обмена нет SKU. Сначала скопируйте столбец с SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="646"/>
        <source>Rows: %1 · Shown: %2 · Picked: %3 · Picked and valid: %4 · Invalid: %5 · Duplicates: %6</source>
        <translation>Строк: %1 · Показано: %2 · Выбрано: %3 · Выбрано корректных: %4 · Некорректных: %5 · Повторов: %6</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="708"/>
        <source>About ymdesk</source>
        <translation>О программе ymdesk</translation>
    </message>
</context>
<context>
    <name>MarketApi</name>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="241"/>
        <source>The API address {url} is not a web address; use https://api.partner.market.yandex.ru.</source>
        <translation>Адрес API {url} не похож на веб-адрес; используйте https://api.partner.market.yandex.ru.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="247"/>
        <source>Refusing to send the API key unencrypted to {host}: use an https:// address (plain http is allowed only for the local simulator).</source>
        <translation>API-ключ не будет отправлен на {host} без шифрования: используйте адрес https:// (обычный http разрешён только для локального симулятора).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="508"/>
        <source>Market no longer offers the legacy method that removes all API prices (HTTP {status}); change prices in the seller cabinet instead.</source>
        <extracomment>What a non-blocking connect answers while it is under way (POSIX, and Windows&apos; WSAEWOULDBLOCK).</extracomment>
        <translation>Маркет больше не поддерживает старый метод удаления всех цен, заданных через API (HTTP {status}); меняйте цены в кабинете продавца.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="723"/>
        <source>Market did not answer in time; the request may or may not have been applied.</source>
        <translation>Маркет не ответил вовремя; запрос мог быть как выполнен, так и не выполнен.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="731"/>
        <source>The secure connection to {host} failed its certificate check; if your company uses its own certificate authority, point REQUESTS_CA_BUNDLE at it.</source>
        <translation>Защищённое соединение с {host} не прошло проверку сертификата; если в вашей компании свой удостоверяющий центр, укажите его в REQUESTS_CA_BUNDLE.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="59"/>
        <source>the proxy server refused or failed the connection</source>
        <extracomment>Every request ends within this many seconds, connect, headers and the whole body together: a stalled or trickling answer is a timeout (requests&apos; own timeout is per read, so a byte every 5 s never ends).</extracomment>
        <translation>прокси-сервер отклонил соединение или не смог его установить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="62"/>
        <source>the address was not found (no internet, or DNS does not answer)</source>
        <translation>адрес не найден (нет интернета или DNS не отвечает)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="64"/>
        <source>the connection was refused</source>
        <translation>в соединении отказано</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="66"/>
        <source>the connection was dropped before Market answered</source>
        <translation>соединение прервалось до ответа Маркета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="68"/>
        <source>the network is unreachable</source>
        <translation>сеть недоступна</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="69"/>
        <source>the connection failed</source>
        <translation>не удалось установить соединение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="697"/>
        <source>Market&apos;s answer could not be read (HTTP {status}: {why}); the request may have been applied.</source>
        <translation>Не удалось прочитать ответ Маркета (HTTP {status}: {why}); возможно, запрос уже выполнен.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="718"/>
        <source>The request was cancelled while it was out; it may have been applied.</source>
        <translation>Запрос отменён, когда он уже был отправлен; возможно, он выполнен.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="739"/>
        <source>Cannot connect to Market at {host}: {problem}.</source>
        <translation>Не удаётся подключиться к Маркету по адресу {host}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="766"/>
        <source>The API address answered with a redirect (HTTP {status}) to {host}; ymdesk does not follow redirects and sent the key nowhere else. Check the API address.</source>
        <translation>Адрес API ответил перенаправлением (HTTP {status}) на {host}; ymdesk не следует перенаправлениям и никуда больше ключ не отправлял. Проверьте адрес API.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="899"/>
        <source>Market refused the request as invalid: {detail}</source>
        <translation>Маркет отклонил запрос как некорректный: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="900"/>
        <source>Market did not accept the API key ({detail}); check the key in the connection settings or create a new one in the seller cabinet.</source>
        <translation>Маркет не принял API-ключ ({detail}); проверьте ключ в настройках подключения или создайте новый в кабинете продавца.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="905"/>
        <source>The API key has no access to this store or business, or lacks the needed permission ({detail}); give the key the right access in the seller cabinet.</source>
        <translation>У API-ключа нет доступа к этому магазину или кабинету либо не хватает прав ({detail}); выдайте ключу нужный доступ в кабинете продавца.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="910"/>
        <source>Market did not find it: {detail}</source>
        <translation>Маркет не нашёл: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="911"/>
        <location filename="../../ymdesk/core/market/client.py" line="912"/>
        <source>Market&apos;s rate limit was hit: {detail}</source>
        <translation>Исчерпан лимит запросов Маркета: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="913"/>
        <source>Market has locked this store or method for now: {detail}</source>
        <translation>Маркет временно заблокировал этот магазин или метод: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="916"/>
        <source>Market had an internal error (HTTP {status}): {detail}</source>
        <translation>Внутренняя ошибка Маркета (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market/client.py" line="917"/>
        <source>Market answered with HTTP {status}: {detail}</source>
        <translation>Маркет ответил HTTP {status}: {detail}</translation>
    </message>
</context>
<context>
    <name>MissingSkusDialog</name>
    <message>
        <location filename="../../ymdesk/ui/pasted.py" line="16"/>
        <source>Pasted SKUs not in the file</source>
        <translation>Вставленных SKU нет в файле</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/pasted.py" line="21"/>
        <source>{missing:n} of {pasted:n} pasted {pasted:plural:SKU is|SKUs are} not in {file}; they were not picked:</source>
        <translation>Из {pasted:n} {pasted:plural:вставленного|вставленных|вставленных} SKU в {file} нет {missing:n}; они не выбраны:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/pasted.py" line="34"/>
        <source>Copy the list</source>
        <translation>Копировать список</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../ymdesk/core/model.py" line="57"/>
        <source>Delete products from the store</source>
        <extracomment>Market refuses (HTTP 400) any request whose body is larger than this.</extracomment>
        <translation>Удалить товары из магазина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="58"/>
        <source>Delete products from the business catalog</source>
        <translation>Удалить товары из каталога кабинета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="59"/>
        <source>Remove products from the promo</source>
        <translation>Убрать товары из акции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="60"/>
        <source>Remove all prices set through the API</source>
        <translation>Удалить все цены, заданные через API</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="61"/>
        <source>Put products into the archive</source>
        <translation>Отправить товары в архив</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="62"/>
        <source>Restore products from the archive</source>
        <translation>Восстановить товары из архива</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ymdesk/core/model.py" line="135"/>
        <source>pending</source>
        <extracomment>HTTP statuses of a FAILED outcome worth trying again (`resume --retry-failed`): Market&apos;s own trouble (5xx), locks (423), rate limits (420, 429). None is a network fault or timeout. A 400 with Market&apos;s reason, a 404, a rejection are permanent and never resent.</extracomment>
        <translation>ожидает</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="136"/>
        <source>deleted</source>
        <translation>удалён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="137"/>
        <source>not deleted</source>
        <translation>не удалён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="138"/>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="139"/>
        <source>invalid</source>
        <translation>некорректный</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="140"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="141"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="142"/>
        <source>sent, no answer</source>
        <translation>отправлен, нет ответа</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="143"/>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="144"/>
        <source>back from the archive</source>
        <translation>восстановлен из архива</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ymdesk/core/runs/job_report.py" line="65"/>
        <source>Cannot write the report to {path} ({reason}); choose another folder or close the file if it is open in Excel. The results stay in the journal.</source>
        <translation>Не удаётся записать отчёт в {path} ({reason}); выберите другую папку или закройте файл, если он открыт в Excel. Результаты сохранены в журнале.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="37"/>
        <source>SKU</source>
        <extracomment>Reports longer than this are streamed (xlsxwriter&apos;s constant_memory mode); see write_report_xlsx.</extracomment>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="38"/>
        <source>Row in file</source>
        <translation>Строка в файле</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="39"/>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="40"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="41"/>
        <source>API code</source>
        <translation>Код API</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="42"/>
        <source>HTTP status</source>
        <translation>Статус HTTP</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="44"/>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="45"/>
        <source>SKUs ({number})</source>
        <translation>SKU ({number})</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="46"/>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="48"/>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="49"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="50"/>
        <source>Store, business or promo</source>
        <translation>Магазин, кабинет или акция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="51"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="52"/>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="53"/>
        <source>Finished</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="54"/>
        <source>SKUs by outcome</source>
        <translation>SKU по итогам</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="55"/>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/report.py" line="56"/>
        <source>ymdesk version</source>
        <translation>Версия ymdesk</translation>
    </message>
</context>
<context>
    <name>ResultsTableModel</name>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="118"/>
        <source>Row</source>
        <extracomment>Converting a list of Python strings to Arrow is one C call holding the GIL (~56 ms for 500k): the window would freeze that long. Slices keep each hold short.</extracomment>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="118"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="118"/>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="118"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="118"/>
        <source>API code</source>
        <translation>Код API</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="72"/>
        <source>SKUs that did not succeed</source>
        <translation>SKU, которые не удалось обработать</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="73"/>
        <source>All SKUs, every outcome</source>
        <translation>Все SKU, любые итоги</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="74"/>
        <source>Only the rows shown (the filter above)</source>
        <translation>Только показанные строки (фильтр выше)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="204"/>
        <source>All outcomes</source>
        <translation>Все итоги</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="210"/>
        <source>Find a SKU…</source>
        <translation>Найти SKU…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="224"/>
        <source>Save report (XLSX)…</source>
        <translation>Сохранить отчёт (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="226"/>
        <source>Save report (CSV)…</source>
        <translation>Сохранить отчёт (CSV)…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="228"/>
        <source>Reports folder</source>
        <translation>Папка отчётов</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="229"/>
        <source>Open the folder where reports are saved by default</source>
        <translation>Открыть папку, куда по умолчанию сохраняются отчёты</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="239"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="241"/>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="255"/>
        <source>Report of:</source>
        <translation>Что в отчёте:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="279"/>
        <source>Run #{job} — {outcomes}</source>
        <translation>Запуск №{job} — {outcomes}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="313"/>
        <source>Save report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="339"/>
        <source>Report saved to {path}</source>
        <translation>Отчёт сохранён: {path}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="251"/>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="311"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="311"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <location filename="../../ymdesk/ui/texts.py" line="36"/>
        <source>store {store}</source>
        <translation>магазин {store}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/texts.py" line="40"/>
        <source>business {business}</source>
        <translation>кабинет {business}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/texts.py" line="43"/>
        <source>promo {promo}</source>
        <translation>акция {promo}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/texts.py" line="45"/>
        <source>all products</source>
        <translation>все товары</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="70"/>
        <source>Run an operation</source>
        <translation>Запуск операции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="209"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="190"/>
        <source>Market stopped the run</source>
        <translation>Маркет остановил запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="193"/>
        <source>The SKUs not sent are recorded as cancelled; resume from History.</source>
        <translation>Неотправленные SKU записаны как отменённые; продолжить можно из «Истории».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="204"/>
        <source>Check whether Market has applied it</source>
        <translation>Проверить, применил ли Маркет изменения</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="228"/>
        <source>Market applies promo changes in 4–6 hours. Until then the products may still show in the promo.</source>
        <translation>Маркет применяет изменения в акциях за 4–6 часов. До тех пор товары ещё могут отображаться в акции.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="253"/>
        <source>Market is still processing the changes to this promo. Check again later.</source>
        <translation>Маркет ещё обрабатывает изменения в этой акции. Проверьте позже.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="255"/>
        <source>Market has finished processing the changes to this promo.</source>
        <translation>Маркет закончил обработку изменений в этой акции.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="264"/>
        <source>Stop the run?</source>
        <translation>Остановить запуск?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="266"/>
        <source>A run is in progress. Stop it? The current request is finished; the SKUs not sent are recorded as cancelled and can be resumed from History.</source>
        <translation>Идёт запуск. Остановить его? Текущий запрос будет завершён; неотправленные SKU запишутся как отменённые, их можно продолжить из «Истории».</translation>
    </message>
</context>
<context>
    <name>RunLog</name>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="15"/>
        <source>{count:n} deleted</source>
        <extracomment>How a batch line counts each outcome ({count} is filled in), by operation where the words differ.</extracomment>
        <translation>удалено — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="16"/>
        <source>{count:n} removed from the promo</source>
        <translation>убрано из акции — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="17"/>
        <source>{count:n} not deleted</source>
        <translation>не удалено — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="18"/>
        <source>{count:n} not in the store or held in a Market warehouse</source>
        <translation>нет в магазине или хранится на складе Маркета — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="21"/>
        <source>{count:n} held in a Market warehouse</source>
        <translation>хранится на складе Маркета — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="24"/>
        <source>{count:n} refused by Market</source>
        <translation>отклонено Маркетом — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="25"/>
        <source>{count:n} failed</source>
        <translation>с ошибкой — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="26"/>
        <source>{count:n} not sent</source>
        <translation>не отправлено — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="27"/>
        <source>{count:n} sent without an answer (resume checks them)</source>
        <translation>отправлено без ответа (при продолжении будут проверены) — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="28"/>
        <source>{count:n} archived</source>
        <translation>отправлено в архив — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="29"/>
        <source>{count:n} brought back from the archive</source>
        <translation>восстановлено из архива — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="31"/>
        <source>{count:n} {outcome}</source>
        <translation>{outcome} — {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="34"/>
        <source>Preparing {count:n} {count:plural:SKU|SKUs}…</source>
        <translation>Готовим {count:n} SKU…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="35"/>
        <source>Recording {count:n} {count:plural:SKU|SKUs} in the journal…</source>
        <translation>Записываем {count:n} SKU в журнал…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="36"/>
        <source>Reading the {count:n} {count:plural:SKU|SKUs} to send from the journal…</source>
        <translation>Читаем из журнала {count:n} SKU для отправки…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="66"/>
        <source>Run #{job} is recorded in the journal.</source>
        <translation>Запуск №{job} записан в журнал.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/run_log.py" line="81"/>
        <source>Batch {batch:n} of {batches:n}: {outcomes}.</source>
        <translation>Пакет {batch:n} из {batches:n}: {outcomes}.</translation>
    </message>
</context>
<context>
    <name>RunPlan</name>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="53"/>
        <source>{operation}: the target&apos;s {field} is {problem}.</source>
        <extracomment>Runs above this many SKUs must be confirmed by typing the count (app and CLI alike).</extracomment>
        <translation>{operation}: у цели поле {field} — {problem}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="245"/>
        <source>about {duration}</source>
        <translation>около {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="251"/>
        <source>Choose the store (and the promo, for promo operations) to see what will be sent.</source>
        <translation>Выберите магазин (и акцию — для операций с акциями), чтобы увидеть, что будет отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="257"/>
        <source>All prices set through the API will be removed in the whole store, in one request.</source>
        <translation>Все цены, заданные через API, будут удалены во всём магазине одним запросом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="263"/>
        <source>The store leaves the promo entirely: all its products, in one request.</source>
        <translation>Магазин полностью выходит из акции: все товары, одним запросом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="269"/>
        <source>Resuming run #{job}: {done:n} {done:plural:SKU is|SKUs are} already done.</source>
        <translation>Продолжение запуска №{job}: уже {done:plural:обработан|обработано|обработано} {done:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="273"/>
        <source>SKUs left to send: {count:n}</source>
        <translation>Осталось отправить SKU: {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="276"/>
        <source>Picked rows: {count:n}</source>
        <translation>Выбрано строк: {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="277"/>
        <source>Valid SKUs to send: {count:n}</source>
        <translation>Корректных SKU к отправке: {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="278"/>
        <source>Invalid (not sent, listed in the report): {count:n}</source>
        <translation>Некорректных (не отправляются, будут в отчёте): {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="281"/>
        <source>Duplicates (sent once): {count:n}</source>
        <translation>Повторов (отправляются один раз): {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="284"/>
        <source>Batches: {count:n}</source>
        <translation>Пакетов: {count:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="285"/>
        <source>Estimated time: {estimate}</source>
        <translation>Ориентировочное время: {estimate}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="289"/>
        <source>{units:n} {units:plural:SKU was|SKUs were} sent to this store within the last limit window; they count too.</source>
        <translation>За текущее окно лимита в этот магазин уже {units:plural:отправлен|отправлено|отправлено} {units:n} SKU; они тоже учитываются.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="306"/>
        <source>Plan: {operation}, {target}: one request.</source>
        <translation>План: {operation}, {target}: один запрос.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="309"/>
        <source>Plan: {operation}, {target}: {count:n} {count:plural:SKU|SKUs} in {batches:n} {batches:plural:batch|batches}, {invalid:n} invalid (not sent); {estimate}.</source>
        <translation>План: {operation}, {target}: {count:n} SKU в {batches:n} {batches:plural:пакете|пакетах|пакетах}, некорректных (не отправляются): {invalid:n}; {estimate}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/plan.py" line="296"/>
        <source>There is nothing valid to send: pick rows with valid SKUs.</source>
        <translation>Отправлять нечего: выберите строки с корректными SKU.</translation>
    </message>
</context>
<context>
    <name>RunProgressView</name>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="71"/>
        <location filename="../../ymdesk/ui/run_progress.py" line="104"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="84"/>
        <source>Log:</source>
        <translation>Ход выполнения:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="92"/>
        <source>{operation} — {target}</source>
        <translation>{operation} — {target}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="98"/>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="99"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="105"/>
        <source>Started.</source>
        <translation>Запущено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="118"/>
        <source>Run #{job}: {title}</source>
        <translation>Запуск №{job}: {title}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="124"/>
        <source>Batch {batch:n} of {batches:n}</source>
        <translation>Пакет {batch:n} из {batches:n}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="142"/>
        <source>{done:n} of {total:n} {total:plural:SKU|SKUs}</source>
        <translation>{done:n} из {total:n} SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="148"/>
        <source>About {duration} left</source>
        <translation>Осталось около {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="34"/>
        <source>Keeping to Market&apos;s rate limit: next request in {duration}</source>
        <extracomment>The wait line, per kind of wait.</extracomment>
        <translation>Соблюдаем лимит запросов Маркета: следующий запрос через {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="35"/>
        <source>Market&apos;s rate limit was reached: waiting {duration}</source>
        <translation>Исчерпан лимит запросов Маркета: ждём {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="36"/>
        <source>Market did not answer properly: trying again in {duration}</source>
        <translation>Маркет ответил некорректно: повтор через {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="37"/>
        <source>The store is busy on Market&apos;s side: trying again in {duration}</source>
        <translation>Магазин занят на стороне Маркета: повтор через {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="41"/>
        <source>Waiting {duration}</source>
        <translation>Ожидание: {duration}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="163"/>
        <source>Stopping…</source>
        <translation>Останавливаем…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="164"/>
        <source>Stopping: the current request is finished, the rest is recorded as cancelled.</source>
        <translation>Останавливаем: текущий запрос будет завершён, остальное запишется как отменённое.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="44"/>
        <source>Finished.</source>
        <extracomment>The log&apos;s last line, per way a run ends.</extracomment>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="45"/>
        <source>Stopped. The SKUs not sent are recorded as cancelled; resume from History.</source>
        <translation>Остановлено. Неотправленные SKU записаны как отменённые; продолжить можно из «Истории».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="48"/>
        <source>Stopped by Market.</source>
        <translation>Остановлено Маркетом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_progress.py" line="49"/>
        <source>The request failed.</source>
        <translation>Запрос не выполнен.</translation>
    </message>
</context>
<context>
    <name>RunSetupPage</name>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="79"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="86"/>
        <source>Leave the promo entirely (all products, not only the picked ones)</source>
        <translation>Выйти из акции полностью (все товары, а не только выбранные)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="95"/>
        <source>Operation:</source>
        <translation>Операция:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="96"/>
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="97"/>
        <source>Business:</source>
        <translation>Кабинет:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="98"/>
        <source>Promo:</source>
        <translation>Акция:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="110"/>
        <source>Start…</source>
        <translation>Запустить…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="113"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="174"/>
        <source>Asking Market for the list of stores…</source>
        <translation>Запрашиваем у Маркета список магазинов…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="209"/>
        <source>(connect to Market to see the stores)</source>
        <translation>(подключитесь к Маркету, чтобы увидеть магазины)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="278"/>
        <source>Checking the picked SKUs…</source>
        <translation>Проверяем выбранные SKU…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="304"/>
        <source>Archive hides the products in every store of the business; it can be undone (Restore products from the archive). Products held in a Market warehouse cannot be archived.</source>
        <translation>Архивирование скрывает товары во всех магазинах кабинета; его можно отменить (операция «Восстановить товары из архива»). Товары, хранящиеся на складе Маркета, отправить в архив нельзя.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="308"/>
        <source>Brings archived products back to every store of the business.</source>
        <translation>Возвращает товары из архива во все магазины кабинета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="311"/>
        <source>Deleting from the catalog removes the products from every store and cannot be undone; to hide them reversibly, archive them instead.</source>
        <translation>Удаление из каталога убирает товары из всех магазинов, и его нельзя отменить; чтобы скрыть их с возможностью вернуть, отправьте их в архив.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="362"/>
        <location filename="../../ymdesk/ui/run_setup.py" line="380"/>
        <source>Resume…</source>
        <translation>Продолжить…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="364"/>
        <source>Reading what is left to send…</source>
        <translation>Читаем, что осталось отправить…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_setup.py" line="374"/>
        <source>Resume run #{job}: {operation} — {target}</source>
        <translation>Продолжение запуска №{job}: {operation} — {target}</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="62"/>
        <source>Not deleted: the product is not in this store, or it is held in a Market warehouse.</source>
        <extracomment>Why a SKU in notDeletedOfferIds was not deleted, by operation and by whether an earlier request for it went unanswered (then &quot;not found&quot; may be that request&apos;s own doing).</extracomment>
        <translation>Не удалён: товара нет в этом магазине, или он хранится на складе Маркета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="65"/>
        <source>Not deleted: the product is not in this store, or it is held in a Market warehouse. An earlier request for it got no answer and may already have deleted it.</source>
        <translation>Не удалён: товара нет в этом магазине, или он хранится на складе Маркета. Предыдущий запрос по нему остался без ответа и, возможно, уже удалил его.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="70"/>
        <location filename="../../ymdesk/core/runs/runner.py" line="73"/>
        <source>Not deleted: the product is held in a Market warehouse.</source>
        <translation>Не удалён: товар хранится на складе Маркета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="77"/>
        <source>Market has no product with this SKU in the cabinet.</source>
        <translation>В кабинете на Маркете нет товара с этим SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="78"/>
        <source>Market refused to remove it from the promo ({code}).</source>
        <translation>Маркет отказался убрать его из акции ({code}).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="79"/>
        <source>Not sent: the run was cancelled.</source>
        <translation>Не отправлен: запуск отменён.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="80"/>
        <source>Not sent: Market refused the key.</source>
        <translation>Не отправлен: Маркет не принял ключ.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="81"/>
        <source>Not sent: the run stopped ({reason})</source>
        <translation>Не отправлен: запуск остановлен ({reason})</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="82"/>
        <source>Market could not be reached for two batches in a row; nothing more was sent. Resume the job when the network is back.</source>
        <translation>Маркет был недоступен два пакета подряд; больше ничего не отправлено. Продолжите задание, когда связь восстановится.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="87"/>
        <source>Two batches in a row got no usable answer from Market; nothing more was sent. Their SKUs are recorded as sent without an answer; resume the job to send them again.</source>
        <translation>Два пакета подряд не получили от Маркета пригодного ответа; больше ничего не отправлено. Их SKU записаны как отправленные без ответа; продолжите задание, чтобы отправить их снова.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="228"/>
        <source>Sending {count:n} {count:plural:SKU|SKUs} in {batches:n} {batches:plural:batch|batches}.</source>
        <extracomment>Market&apos;s global limit: two parallel requests per login (more are answered 420 &quot;Hit rate limit of 2 parallel requests&quot;). Counted across every process that uses this journal. After this many consecutive batches that got no HTTP answer (or no readable one), the job stops.</extracomment>
        <translation>Отправляем {count:n} SKU в {batches:n} {batches:plural:пакете|пакетах|пакетах}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="273"/>
        <source>{count} SKUs got no answer from Market; resume the job to send them again.</source>
        <translation>Маркет не ответил по {count} SKU; продолжите задание, чтобы отправить их снова.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="341"/>
        <source>Market refused a batch of {count:n} {count:plural:SKU|SKUs}; splitting it to find the ones it objects to.</source>
        <translation>Маркет отклонил пакет из {count:n} SKU; делим его, чтобы найти те, которые он не принимает.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="420"/>
        <source>Market&apos;s rate limit was reached (HTTP {status}); waiting {seconds} s as Market asks.</source>
        <translation>Исчерпан лимит запросов Маркета (HTTP {status}); ждём {seconds} с, как просит Маркет.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="486"/>
        <source>Two requests with this key are already out; waiting for one to end.</source>
        <translation>С этим ключом уже выполняются два запроса; ждём, пока один из них завершится.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="316"/>
        <source>All prices set through the API were removed from store {store}.</source>
        <translation>Все цены, заданные через API, удалены в магазине {store}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="320"/>
        <source>Left promo {promo}: all its products were removed. Market applies the change within 4 to 6 hours.</source>
        <translation>Выход из акции {promo}: все её товары убраны. Маркет применит изменение в течение 4–6 часов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="392"/>
        <source>Keeping to Market&apos;s rate limit: next batch in {seconds} s.</source>
        <translation>Соблюдаем лимит запросов Маркета: следующий пакет через {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="432"/>
        <source>Market has locked the store for now (HTTP 423); trying again in {seconds} s.</source>
        <translation>Маркет временно заблокировал магазин (HTTP 423); повтор через {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/runner.py" line="459"/>
        <source>{problem} Trying again in {seconds} s (attempt {attempt} of {attempts}).</source>
        <translation>{problem} Повтор через {seconds} с (попытка {attempt} из {attempts}).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/journal.py" line="92"/>
        <source>Sent, but Market&apos;s answer never arrived or could not be read; the request may have been applied.</source>
        <extracomment>A lease whose process is on another host counts as dead when its heartbeat is older than this (a request takes at most a minute, and the runner renews the heartbeat between requests and every second of a wait). PRAGMA user_version of the journal this ymdesk writes. 0 is a journal written by ymdesk 0.1.0 (or a new, empty file); MIGRATIONS[n] takes version n to n + 1, each in one transaction with its version bump. Reason recorded for SKUs that went out without a readable answer (also on SKUs a 0.1.0 journal left pending or &quot;cancelled&quot; after sending them: 0.1.0 called those &quot;Not sent&quot;, which was not true).</extracomment>
        <translation>Отправлен, но ответ Маркета не пришёл или не читается; возможно, запрос выполнен.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../ymdesk/core/secrets.py" line="30"/>
        <source>No API key: connect to Market first (Market &gt; Connect), or set YM_API_KEY for the CLI.</source>
        <translation>Нет API-ключа: сначала подключитесь к Маркету («Маркет &gt; Подключиться») или задайте YM_API_KEY для ymdesk-cli.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/secrets.py" line="88"/>
        <source>The system keyring is not available, so the API key cannot be saved; set the YM_API_KEY environment variable instead, or install a keyring service.</source>
        <translation>Системное хранилище паролей недоступно, поэтому API-ключ не сохранить; задайте переменную окружения YM_API_KEY или установите службу хранения паролей.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="30"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="32"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="39"/>
        <source> SKUs per request</source>
        <translation> SKU в запросе</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="46"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="47"/>
        <source>Batch size:</source>
        <translation>Размер пакета:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="48"/>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="50"/>
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="51"/>
        <source>Change it only if your support asks you to. The language applies after a restart.</source>
        <translation>Меняйте адрес, только если об этом просит поддержка. Язык применится после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="63"/>
        <source>The demo always uses the built-in simulator.</source>
        <translation>Демо всегда использует встроенный симулятор.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="158"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="161"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="161"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>Sku</name>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="58"/>
        <source>The SKU is empty.</source>
        <extracomment>Every character for which ``str.isspace()`` is true (a unit test checks this list stays exact). Refused anywhere in a trimmed SKU: the pattern&apos;s [<byte value="x0"/>-<byte value="x8"/>
-<byte value="x1f"/>] (TAB is allowed). What a person reads for each problem (Message texts in context &quot;Sku&quot;; the values fill their {fields}).</extracomment>
        <translation>SKU пустой.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="59"/>
        <source>The SKU has only spaces.</source>
        <translation>SKU состоит только из пробелов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="60"/>
        <source>The SKU has a control character {code} at position {position}.</source>
        <translation>В SKU есть управляющий символ {code} в позиции {position}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="61"/>
        <source>The SKU is too long: {length} characters, {over} over the limit of {limit}.</source>
        <translation>SKU слишком длинный: {length} символов, на {over} больше предела {limit}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="64"/>
        <source>The SKU is a number with more than 15 digits, which Excel has already rounded ({sku}); format the column as text, type the SKU again and save.</source>
        <translation>SKU — число длиннее 15 цифр, и Excel уже округлил его ({sku}); задайте для столбца текстовый формат, введите SKU заново и сохраните.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="70"/>
        <source>Excel saved this SKU in scientific notation ({sku}), so its digits are lost; format the column as text in Excel, type the SKUs again and save the CSV again.</source>
        <translation>Excel сохранил этот SKU в экспоненциальной записи ({sku}), и его цифры потеряны; задайте для столбца в Excel текстовый формат, введите SKU заново и снова сохраните CSV.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/skus.py" line="69"/>
        <source>This is the totals row of the table, not a product; it is not sent.</source>
        <translation>Это строка итогов таблицы, а не товар; она не отправляется.</translation>
    </message>
</context>
<context>
    <name>Spreadsheet</name>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="16"/>
        <source>The file {name} cannot be opened; check that it exists and that you may read it.</source>
        <extracomment>Data rows ymdesk opens from one sheet or CSV. Excel&apos;s own limit (1,048,576 rows per sheet) is below it; a CSV can be longer, and past 5 million rows the table no longer fits comfortably in memory on an ordinary office PC, so larger files are refused with a request to split them. Largest file (or unpacked archive member) ymdesk reads, in bytes.</extracomment>
        <translation>Файл {name} не открывается; проверьте, что он существует и у вас есть права на чтение.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="19"/>
        <source>The file {name} is empty; choose the file that holds your SKUs.</source>
        <translation>Файл {name} пустой; выберите файл, в котором есть ваши SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="20"/>
        <source>The file {name} is larger than {limit} MB, more than ymdesk opens at once; split it into smaller files.</source>
        <translation>Файл {name} больше {limit} МБ — это больше, чем ymdesk открывает за раз; разделите его на файлы поменьше.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="24"/>
        <source>The file {name} has more than {limit:n} rows, more than ymdesk opens at once; split it into smaller files.</source>
        <translation>В файле {name} больше {limit:n} строк — это больше, чем ymdesk открывает за раз; разделите его на файлы поменьше.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="28"/>
        <source>The file {name} is a PDF document, not a spreadsheet; export the catalog from the cabinet as Excel or CSV.</source>
        <translation>Файл {name} — это документ PDF, а не таблица; выгрузите каталог из кабинета в формате Excel или CSV.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="32"/>
        <source>The file {name} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx.</source>
        <translation>Файл {name} — это веб-страница, а не таблица; откройте его в Excel и сохраните как .xlsx.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="35"/>
        <source>The file {name} is not a spreadsheet ymdesk can read; save it as .xlsx or .csv and open that.</source>
        <translation>Файл {name} — не таблица, которую может прочитать ymdesk; сохраните его как .xlsx или .csv и откройте новый файл.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="38"/>
        <source>The workbook {name} is protected with a password; open it in Excel, remove the password, save it and try again.</source>
        <translation>Книга {name} защищена паролем; откройте её в Excel, снимите пароль, сохраните и повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="42"/>
        <source>The file {name} is damaged or incomplete; download or export it again and open the new copy.</source>
        <translation>Файл {name} повреждён или загружен не полностью; скачайте или выгрузите его заново и откройте новую копию.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="45"/>
        <source>The file {name} could not be read as a spreadsheet; open it in Excel, save it as .xlsx and try again.</source>
        <translation>Файл {name} не удалось прочитать как таблицу; откройте его в Excel, сохраните как .xlsx и повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="49"/>
        <source>The archive {name} holds no spreadsheet; extract the catalog file from it and open that.</source>
        <translation>В архиве {name} нет таблицы; извлеките из него файл каталога и откройте его.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="52"/>
        <source>The archive {name} holds several spreadsheets ({files}); extract the one you need and open it directly.</source>
        <translation>В архиве {name} несколько таблиц ({files}); извлеките нужную и откройте её напрямую.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="56"/>
        <source>The archive {name} unpacks to far more data than a catalog holds; check where it came from and open the spreadsheet itself.</source>
        <translation>Архив {name} распаковывается в гораздо больший объём, чем бывает у каталога; проверьте, откуда он взялся, и откройте саму таблицу.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="61"/>
        <source>The text encoding of {name} was not recognised; save it as CSV UTF-8 and open it again.</source>
        <translation>Не удалось определить кодировку текста в {name}; сохраните его как CSV UTF-8 и откройте снова.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="64"/>
        <source>There is no text encoding “{encoding}”; choose one of {known}.</source>
        <translation>Кодировки «{encoding}» не существует; выберите одну из: {known}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="65"/>
        <source>The file {name} cannot be read as {encoding}; choose another encoding or leave the choice to ymdesk.</source>
        <translation>Файл {name} не читается в кодировке {encoding}; выберите другую кодировку или предоставьте выбор ymdesk.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="69"/>
        <source>No column with SKUs was found in {name}; give it a header such as “Ваш SKU” or choose the column yourself.</source>
        <translation>В {name} не найден столбец с SKU; дайте ему заголовок, например «Ваш SKU», или выберите столбец сами.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="73"/>
        <source>There is no column “{column}” in {name}; choose one of the columns it has.</source>
        <translation>В {name} нет столбца «{column}»; выберите один из имеющихся столбцов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="76"/>
        <source>There is no sheet “{sheet}” in {name}; choose one of the sheets it has.</source>
        <translation>В {name} нет листа «{sheet}»; выберите один из имеющихся листов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="79"/>
        <source>The file {name} has no rows under its header; check that this is the right file and sheet.</source>
        <translation>В файле {name} нет строк под заголовком; проверьте, что это нужный файл и лист.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheets/errors.py" line="82"/>
        <source>Opening {name} was cancelled.</source>
        <translation>Открытие {name} отменено.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ymdesk/qt_platform.py" line="78"/>
        <source>ymdesk cannot open its window: the system library {libraries} is missing. Install it, for example sudo apt install {packages} (Debian, Ubuntu), then start ymdesk again.</source>
        <extracomment>Library file -&gt; the Debian/Ubuntu package with it (Fedora names in README).</extracomment>
        <translation>ymdesk не может открыть окно: нет системной библиотеки {libraries}. Установите её, например командой sudo apt install {packages} (Debian, Ubuntu), и запустите ymdesk снова.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/qt_platform.py" line="83"/>
        <source>ymdesk cannot open its window: the system library {libraries} is missing. Install the package that provides it, then start ymdesk again.</source>
        <translation>ymdesk не может открыть окно: нет системной библиотеки {libraries}. Установите пакет, в котором она есть, и запустите ymdesk снова.</translation>
    </message>
</context>
<context>
    <name>Target</name>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="18"/>
        <source>store «{name}» ({id})</source>
        <translation>магазин «{name}» ({id})</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="19"/>
        <source>store {id}</source>
        <translation>магазин {id}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="24"/>
        <source>promo «{name}» ({promo}) of business {business}, all products</source>
        <translation>акция «{name}» ({promo}) кабинета {business}, все товары</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="27"/>
        <source>promo {promo} of business {business}, all products</source>
        <translation>акция {promo} кабинета {business}, все товары</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="29"/>
        <source>promo «{name}» ({promo}) of business {business}</source>
        <translation>акция «{name}» ({promo}) кабинета {business}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="30"/>
        <source>promo {promo} of business {business}</source>
        <translation>акция {promo} кабинета {business}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="32"/>
        <source>business «{name}» ({id})</source>
        <translation>кабинет «{name}» ({id})</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/wording.py" line="33"/>
        <source>business {id}</source>
        <translation>кабинет {id}</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="61"/>
        <source>Not in the store any more (verified after a request that got no answer).</source>
        <extracomment>Read back after a request without an answer. A store or promo that no longer has the SKU does not say whether that request removed it or it was never there; the reason says exactly what was verified.</extracomment>
        <translation>Больше нет в магазине (проверено после запроса, оставшегося без ответа).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="64"/>
        <source>Deleted (verified: the business catalog no longer has it).</source>
        <translation>Удалён (проверено: в каталоге кабинета его больше нет).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="67"/>
        <source>Not in the promo any more (verified after a request that got no answer).</source>
        <translation>Больше нет в акции (проверено после запроса, оставшегося без ответа).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="70"/>
        <source>Archived (verified: Market shows it in the archive).</source>
        <translation>В архиве (проверено: Маркет показывает его в архиве).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="71"/>
        <source>Back from the archive (verified: Market shows it so).</source>
        <translation>Восстановлен из архива (проверено: так показывает Маркет).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="75"/>
        <source>Not deleted (verified: the store still has it): it is held in a Market warehouse.</source>
        <extracomment>Market answered &quot;not done&quot; for a SKU an earlier unanswered request may have changed; it still shows it.</extracomment>
        <translation>Не удалён (проверено: он всё ещё есть в магазине): товар хранится на складе Маркета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="78"/>
        <source>Not deleted (verified: the catalog still has it): it is held in a Market warehouse.</source>
        <translation>Не удалён (проверено: он всё ещё есть в каталоге): товар хранится на складе Маркета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="81"/>
        <source>Not removed (verified: the promo still has it): Market refused to remove it.</source>
        <translation>Не убран (проверено: он всё ещё есть в акции): Маркет отказался его убрать.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="84"/>
        <source>Not archived (verified: Market does not show it archived).</source>
        <translation>Не отправлен в архив (проверено: Маркет не показывает его в архиве).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="85"/>
        <source>Not brought back (verified: Market still shows it archived).</source>
        <translation>Не восстановлен (проверено: Маркет всё ещё показывает его в архиве).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="89"/>
        <source>Not deleted (verified: the store still has it); Market did not answer the request. Run it again.</source>
        <extracomment>The request got no answer however often it was sent; reading shows nothing changed.</extracomment>
        <translation>Не удалён (проверено: он всё ещё есть в магазине); Маркет не ответил на запрос. Запустите ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="92"/>
        <source>Not deleted (verified: the catalog still has it); Market did not answer the request. Run it again.</source>
        <translation>Не удалён (проверено: он всё ещё есть в каталоге); Маркет не ответил на запрос. Запустите ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="95"/>
        <source>Not removed (verified: the promo still has it); Market did not answer the request. Run it again.</source>
        <translation>Не убран (проверено: он всё ещё есть в акции); Маркет не ответил на запрос. Запустите ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="98"/>
        <source>Not archived (verified); Market did not answer the request. Run it again.</source>
        <translation>Не отправлен в архив (проверено); Маркет не ответил на запрос. Запустите ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="101"/>
        <source>Not brought back (verified); Market did not answer the request. Run it again.</source>
        <translation>Не восстановлен (проверено); Маркет не ответил на запрос. Запустите ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="136"/>
        <source>Reading {count:n} {count:plural:SKU|SKUs} back from Market to settle unanswered requests.</source>
        <translation>Перечитываем с Маркета {count:n} SKU, чтобы выяснить итог запросов без ответа.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="148"/>
        <source>Could not read the SKUs back ({problem}); they stay unsettled.</source>
        <translation>Не удалось перечитать SKU ({problem}); их итог остаётся невыясненным.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="221"/>
        <source>Verification cancelled after {checked:n} of {recorded:n} {recorded:plural:SKU|SKUs}.</source>
        <translation>Сверка отменена после {checked:n} из {recorded:n} SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="207"/>
        <source>Job {job} recorded no SKU as done; there is nothing to verify.</source>
        <translation>В задании {job} нет SKU, отмеченных как выполненные; сверять нечего.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="211"/>
        <source>Verified: Market shows all {checked:n} {checked:plural:SKU|SKUs} as job {job} left them.</source>
        <translation>Сверено: по всем проверенным SKU ({checked:n}) Маркет показывает то состояние, в котором их оставило задание {job}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runs/verify.py" line="215"/>
        <source>Market still shows {count:n} of the {checked:n} {checked:plural:SKU|SKUs} job {job} recorded as done.</source>
        <translation>Маркет всё ещё показывает {count:n} из {checked:n} SKU, которые задание {job} отметило как выполненные.</translation>
    </message>
</context>
<context>
    <name>VerifyRunner</name>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="236"/>
        <source>Verify against Market</source>
        <translation>Сверить с Маркетом</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="237"/>
        <source>Read the SKUs this run recorded as done back from Market</source>
        <translation>Перечитать с Маркета SKU, которые этот запуск отметил как выполненные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="239"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="260"/>
        <source>Reading the SKUs back from Market…</source>
        <translation>Перечитываем SKU с Маркета…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="274"/>
        <source>row {row}: {sku}</source>
        <translation>строка {row}: {sku}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/market_check.py" line="277"/>
        <source>Market still shows some products</source>
        <translation>Маркет всё ещё показывает некоторые товары</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="61"/>
        <source>Start in three steps</source>
        <translation>Начните в три шага</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="79"/>
        <source>Open a catalog…</source>
        <translation>Открыть каталог…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="81"/>
        <source>Try the sample catalog</source>
        <translation>Открыть пример каталога</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/help.py" line="91"/>
        <source>The sample is made up. To try a run without touching a real store, start ymdesk --demo: it runs against a built-in Market simulator.</source>
        <translation>Пример вымышленный. Чтобы попробовать запуск, не затрагивая настоящий магазин, запустите ymdesk --demo: он работает со встроенным симулятором Маркета.</translation>
    </message>
</context>
</TS>
