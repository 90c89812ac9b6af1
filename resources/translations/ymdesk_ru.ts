<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>CatalogTableModel</name>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="166" />
        <source>Pick</source>
        <translation>Выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="220" />
        <source>The SKU is not valid.</source>
        <translation>SKU не подходит.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="224" />
        <source>Duplicate: the same SKU is already in row %1; it is sent once.</source>
        <translation>Повтор: этот SKU уже есть в строке %1; он отправляется один раз.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/catalog_model.py" line="227" />
        <source>Duplicate SKU; it is sent once.</source>
        <translation>Повторяющийся SKU; он отправляется один раз.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../ymdesk/cli.py" line="172" />
        <source>{file}: sheet {sheet}, header in row {header}, SKU column “{column}”.</source>
        <translation>{file}: лист {sheet}, заголовок в строке {header}, столбец SKU «{column}».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="177" />
        <source>{rows} rows: {valid} unique valid SKUs, {invalid} invalid, {dupes} duplicates.</source>
        <translation>Строк: {rows}; уникальных корректных SKU: {valid}, некорректных: {invalid}, повторов: {dupes}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="196" />
        <source>--batch-size must be between 1 and {max}.</source>
        <translation>--batch-size должен быть от 1 до {max}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="202" />
        <source>{operation} needs --file with the SKUs to process.</source>
        <translation>Для {operation} нужен --file с SKU, которые надо обработать.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="210" />
        <source>{operation} works on the whole target; --file is not used with it.</source>
        <translation>{operation} действует на весь магазин или акцию целиком; --file с ней не используется.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="217" />
        <source>{file} has no valid SKUs to send; nothing was sent.</source>
        <translation>В {file} нет корректных SKU для отправки; ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="251" />
        <source>There is no job {job} in the journal; see ymdesk-cli jobs.</source>
        <translation>Задания {job} нет в журнале; список заданий: ymdesk-cli jobs.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="256" />
        <source>Job {job} is already finished; nothing to send.</source>
        <translation>Задание {job} уже завершено; отправлять нечего.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="263" />
        <source>Resuming job {job}: {left} SKUs still to send.</source>
        <translation>Продолжаем задание {job}: осталось отправить SKU: {left}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="329" />
        <source>Cannot listen on port {port} ({error}); pick another with --port.</source>
        <translation>Не удаётся занять порт {port} ({error}); укажите другой через --port.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="335" />
        <source>Market simulator at {url}; API key: {key}. Press Ctrl+C to stop.</source>
        <translation>Симулятор Маркета: {url}; API-ключ: {key}. Для остановки нажмите Ctrl+C.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="352" />
        <source>Demo: the built-in Market simulator at {url}, sample catalog {file}.</source>
        <translation>Демо: встроенный симулятор Маркета на {url}, пример каталога {file}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="377" />
        <source>Demo finished. The sample catalog holds invalid SKUs and SKUs held in a Market warehouse on purpose; the report lists them with the reasons.</source>
        <translation>Демо завершено. В примере каталога намеренно есть некорректные SKU и SKU, хранящиеся на складе Маркета; в отчёте они перечислены с причинами.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="428" />
        <source>Cancelling after the current request… (Ctrl+C again to stop at once)</source>
        <translation>Отмена после текущего запроса… (нажмите Ctrl+C ещё раз, чтобы остановить сразу)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="442" />
        <source>Batch {batch} of {batches} ({size} SKUs)…</source>
        <translation>Пакет {batch} из {batches} (SKU: {size})…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="446" />
        <source>{done} of {total} SKUs done.</source>
        <translation>Обработано SKU: {done} из {total}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="482" />
        <source>Job {job} {status}: {succeeded} deleted, {failed} not deleted or failed, {invalid} invalid, {skipped} not sent.</source>
        <translation>Задание {job}, статус {status}: удалено {succeeded}, не удалено или ошибка {failed}, некорректных {invalid}, не отправлено {skipped}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="496" />
        <source>Report: {path}</source>
        <translation>Отчёт: {path}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="523" />
        <source>{operation} needs --campaign-id (the store's id; see ymdesk-cli campaigns).</source>
        <translation>Для {operation} нужен --campaign-id (идентификатор магазина; см. ymdesk-cli campaigns).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="529" />
        <source>{operation} needs --business-id (see ymdesk-cli campaigns).</source>
        <translation>Для {operation} нужен --business-id (см. ymdesk-cli campaigns).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="535" />
        <source>delete-promo-offers needs --promo-id (see ymdesk-cli promos).</source>
        <translation>Для delete-promo-offers нужен --promo-id (см. ymdesk-cli promos).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="537" />
        <source>delete-promo-offers needs either --file or --all-offers.</source>
        <translation>Для delete-promo-offers нужен либо --file, либо --all-offers.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="539" />
        <source>--all-offers goes only with delete-promo-offers.</source>
        <translation>--all-offers используется только с delete-promo-offers.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="542" />
        <source>{option} must be a positive number.</source>
        <translation>{option} должен быть положительным числом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="581" />
        <source>No API key: set the YM_API_KEY environment variable, or save the key in the ymdesk app.</source>
        <translation>Нет API-ключа: задайте переменную окружения YM_API_KEY или сохраните ключ в приложении ymdesk.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="596" />
        <source>Plan: {operation} for {target}: {count} SKUs in {batches} batches, {invalid} invalid (not sent); about {duration}.</source>
        <translation>План: {operation} для {target}: SKU — {count}, пакетов — {batches}, некорректных (не отправляются) — {invalid}; примерно {duration}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="611" />
        <source>Plan: {operation} for {target}: one request.</source>
        <translation>План: {operation} для {target}: один запрос.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="619" />
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="620" />
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="628" />
        <source>This run changes your Market catalog; confirm it with --yes when running without a terminal. Nothing was sent.</source>
        <translation>Этот запуск изменит ваш каталог на Маркете; без терминала подтвердите его ключом --yes. Ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="639" />
        <source>{operation} for {target}. Type {expected} to confirm: </source>
        <translation>{operation} для {target}. Для подтверждения введите {expected}: </translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="644" />
        <source>{operation} for {target}: {count} SKUs. Continue? [y/N] </source>
        <translation>{operation} для {target}: SKU — {count}. Продолжить? [y/N] </translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="650" />
        <source>Not confirmed; nothing was sent.</source>
        <translation>Не подтверждено; ничего не отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="681" />
        <source>Stopped. The job stays in the journal; finish it with ymdesk-cli resume.</source>
        <translation>Остановлено. Задание сохранено в журнале; завершите его командой ymdesk-cli resume.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/cli.py" line="690" />
        <source>ymdesk hit an unexpected error ({kind}); details are in {log}. Any job stays in the journal: finish it with ymdesk-cli resume.</source>
        <translation>В ymdesk произошла непредвиденная ошибка ({kind}); подробности в {log}. Задания сохранены в журнале: завершите их командой ymdesk-cli resume.</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="40" />
        <source>Remove ALL prices set through the API in the store “%1”? This cannot be undone.</source>
        <translation>Удалить ВСЕ цены, заданные через API, в магазине «%1»? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="44" />
        <source>Leave the promo “%1” entirely, with all products? This cannot be undone.</source>
        <translation>Полностью выйти из акции «%1» со всеми товарами? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="48" />
        <source>Delete %1 products from the store “%2”? This cannot be undone.</source>
        <translation>Удалить товары (%1) из магазина «%2»? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="51" />
        <source>Delete %1 products from the catalog of the business “%2”, from all its stores? This cannot be undone.</source>
        <translation>Удалить товары (%1) из каталога кабинета «%2», из всех его магазинов? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="55" />
        <source>Remove %1 products from the promo “%2”?</source>
        <translation>Убрать товары (%1) из акции «%2»?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="64" />
        <location filename="../../ymdesk/ui/confirm.py" line="75" />
        <source>Confirm the run</source>
        <translation>Подтвердите запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="68" />
        <source>To confirm, type the ID: %1</source>
        <translation>Для подтверждения введите идентификатор: %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/confirm.py" line="71" />
        <source>To confirm, type the number of products: %1</source>
        <translation>Для подтверждения введите количество товаров: %1</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="39" />
        <source>Connect to Yandex Market</source>
        <translation>Подключение к Яндекс Маркету</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="48" />
        <source>Paste the API key from the seller cabinet (Settings &gt; API and modules). It is kept in the system keyring, never in files.</source>
        <translation>Вставьте API-ключ из кабинета продавца (Настройки &gt; API и модули). Он хранится в системном хранилище паролей и никогда не записывается в файлы.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="56" />
        <source>ACMA:…</source>
        <translation>ACMA:…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="57" />
        <source>Show the key</source>
        <translation>Показать ключ</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="63" />
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="65" />
        <source>Forget the key</source>
        <translation>Забыть ключ</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="72" />
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="73" />
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78" />
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78" />
        <source>Store ID</source>
        <translation>ID магазина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78" />
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78" />
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="78" />
        <source>Business</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="85" />
        <source>Save the key</source>
        <translation>Сохранить ключ</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="101" />
        <location filename="../../ymdesk/ui/connect_dialog.py" line="152" />
        <source>Paste the API key first.</source>
        <translation>Сначала вставьте API-ключ.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="106" />
        <source>Asking Market for the list of stores…</source>
        <translation>Запрашиваем у Маркета список магазинов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ymdesk/ui/connect_dialog.py" line="128" />
        <source>Connected: the key works for %n store(s).</source>
        <translation><numerusform>Подключено: ключ работает для %n магазина.</numerusform><numerusform>Подключено: ключ работает для %n магазинов.</numerusform><numerusform>Подключено: ключ работает для %n магазинов.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="131" />
        <source>The connection test failed.</source>
        <translation>Проверка подключения не удалась.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/connect_dialog.py" line="147" />
        <source>The key was removed from the keyring.</source>
        <translation>Ключ удалён из хранилища паролей.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="34" />
        <source>The API key was not accepted</source>
        <translation>API-ключ не принят</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="36" />
        <source>Open Market &gt; Connect, paste the key again or create a new one in the seller cabinet (Settings &gt; API and modules).</source>
        <translation>Откройте «Маркет &gt; Подключиться» и вставьте ключ ещё раз или создайте новый в кабинете продавца (Настройки &gt; API и модули).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="44" />
        <source>The API key lacks access</source>
        <translation>У API-ключа нет доступа</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="46" />
        <source>In the seller cabinet, give the key access to this store and the needed permission (for example, managing products and prices), then try again.</source>
        <translation>В кабинете продавца дайте ключу доступ к этому магазину и нужные права (например, управление товарами и ценами), затем повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="54" />
        <source>Market's request limit was reached</source>
        <translation>Исчерпан лимит запросов Маркета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="56" />
        <source>Wait a few minutes and run again; ymdesk continues where it stopped.</source>
        <translation>Подождите несколько минут и запустите снова: ymdesk продолжит с того места, где остановился.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="62" />
        <source>The store is busy on Market's side</source>
        <translation>Магазин занят на стороне Маркета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="64" />
        <source>Try again in a few minutes.</source>
        <translation>Повторите через несколько минут.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="68" />
        <source>The store or promo was not found</source>
        <translation>Магазин или акция не найдены</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="70" />
        <source>The store may be disconnected from the API or the promo may be over; refresh the list in Market &gt; Connect.</source>
        <translation>Возможно, магазин отключён от API или акция закончилась; обновите список в «Маркет &gt; Подключиться».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="78" />
        <source>No connection to Market</source>
        <translation>Нет связи с Маркетом</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="80" />
        <source>Check the internet connection (and the proxy, if your office uses one), then try again.</source>
        <translation>Проверьте подключение к интернету (и прокси, если он есть в офисе), затем повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="86" />
        <source>Market refused the request</source>
        <translation>Маркет отклонил запрос</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="88" />
        <source>Check the store and the file, then try again.</source>
        <translation>Проверьте магазин и файл, затем повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="91" />
        <source>Cannot continue</source>
        <translation>Невозможно продолжить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="93" />
        <location filename="../../ymdesk/ui/errors.py" line="136" />
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="95" />
        <source>Try again; if it keeps happening, send the log file to support.</source>
        <translation>Повторите; если ошибка повторяется, отправьте файл журнала в поддержку.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="137" />
        <source>ymdesk met an unexpected error: {error}</source>
        <translation>В ymdesk произошла непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/errors.py" line="142" />
        <source>Runs are recorded in the journal, so nothing is lost. The details for support are in {path}.</source>
        <translation>Запуски записаны в журнал, поэтому ничего не потеряно. Подробности для поддержки — в {path}.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="26" />
        <source>planned</source>
        <translation>запланирован</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="27" />
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="28" />
        <source>done</source>
        <translation>выполнен</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="29" />
        <source>stopped by Market</source>
        <translation>остановлен Маркетом</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="30" />
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="45" />
        <source>History of runs</source>
        <translation>История запусков</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="51" />
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="52" />
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="53" />
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="54" />
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="55" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="56" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="57" />
        <source>Outcomes</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="63" />
        <source>Resume the run</source>
        <translation>Продолжить запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="66" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="74" />
        <source>Interrupted or cancelled runs can be resumed: only the SKUs not done are sent.</source>
        <translation>Прерванные и отменённые запуски можно продолжить: отправятся только необработанные SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="120" />
        <source>Cannot resume here</source>
        <translation>Здесь продолжить нельзя</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/history_dialog.py" line="121" />
        <source>This run was sent to %1, but ymdesk is now connected to %2.</source>
        <translation>Этот запуск отправлялся на %1, а сейчас ymdesk подключён к %2.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="101" />
        <source>&amp;Open catalog…</source>
        <translation>&amp;Открыть каталог…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="102" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="103" />
        <source>Pick all &amp;shown</source>
        <translation>Выбрать все &amp;показанные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="104" />
        <source>Pick &amp;none</source>
        <translation>&amp;Снять выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="105" />
        <source>&amp;Invert picks of shown rows</source>
        <translation>&amp;Обратить выбор в показанных строках</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="107" />
        <source>&amp;Paste SKUs to pick…</source>
        <translation>Вст&amp;авить SKU для выбора…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="109" />
        <source>Show &amp;picked only</source>
        <translation>Показывать только &amp;выбранные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="110" />
        <source>Show in&amp;valid only</source>
        <translation>Показывать только &amp;некорректные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="111" />
        <source>&amp;Connect to Market…</source>
        <translation>&amp;Подключиться к Маркету…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="112" />
        <source>&amp;Run an operation…</source>
        <translation>&amp;Запустить операцию…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="113" />
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="114" />
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="115" />
        <source>&amp;About ymdesk</source>
        <translation>&amp;О программе ymdesk</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="117" />
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="118" />
        <source>Pick shown</source>
        <translation>Выбрать показанные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="119" />
        <source>Pick none</source>
        <translation>Снять выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="120" />
        <source>Invert</source>
        <translation>Обратить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="122" />
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="123" />
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="124" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="132" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="134" />
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="141" />
        <source>&amp;Pick</source>
        <translation>&amp;Выбор</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="144" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="147" />
        <source>&amp;Market</source>
        <translation>&amp;Маркет</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="150" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="153" />
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="172" />
        <source>Open a catalog exported from the seller cabinet (XLSX or CSV), or drop it here.</source>
        <translation>Откройте каталог, выгруженный из кабинета продавца (XLSX или CSV), или перетащите его сюда.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="182" />
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="184" />
        <source>SKU column:</source>
        <translation>Столбец SKU:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="190" />
        <source>Filter rows: type a part of a SKU, name, category…</source>
        <translation>Фильтр строк: введите часть SKU, названия, категории…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="197" />
        <source>Regular expression</source>
        <translation>Регулярное выражение</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="199" />
        <source>Picked only</source>
        <translation>Только выбранные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="202" />
        <source>Invalid only</source>
        <translation>Только некорректные</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="238" />
        <source>Cancel loading</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="255" />
        <source>Open a catalog</source>
        <translation>Открыть каталог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="257" />
        <source>Catalogs (*.xlsx *.xlsm *.xls *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Каталоги (*.xlsx *.xlsm *.xls *.csv *.txt *.tsv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="267" />
        <source>Reading %1…</source>
        <translation>Читаем %1…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="289" />
        <source>Loading cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="317" />
        <source>Loaded %1 rows.</source>
        <translation>Загружено строк: %1.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="322" />
        <source>(CSV)</source>
        <translation>(CSV)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="347" />
        <source>Checking the SKUs in “%1”…</source>
        <translation>Проверяем SKU в столбце «%1»…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="357" />
        <source>(no recent files)</source>
        <translation>(нет недавних файлов)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="360" />
        <source>Clear the list</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="413" />
        <source>Filtering…</source>
        <translation>Фильтруем…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="424" />
        <source>This regular expression is not valid: %1</source>
        <translation>Это регулярное выражение некорректно: %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="121" />
        <location filename="../../ymdesk/ui/main_window.py" line="448" />
        <source>Paste SKUs</source>
        <translation>Вставить SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="208" />
        <source>Where:</source>
        <translation>Где:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="246" />
        <source>DEMO · simulator %1</source>
        <translation>ДЕМО · симулятор %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="247" />
        <source>Demo mode: the built-in Market simulator; no real store is touched.</source>
        <translation>Демо-режим: встроенный симулятор Маркета; настоящие магазины не затрагиваются.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="331" />
        <source>In all columns</source>
        <translation>Во всех столбцах</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="448" />
        <source>The clipboard has no SKUs. Copy a column of SKUs first.</source>
        <translation>В буфере обмена нет SKU. Сначала скопируйте столбец с SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="456" />
        <source>Picked %1 rows for %2 pasted SKUs; %3 SKUs are not in this file.</source>
        <translation>Выбрано строк: %1 по вставленным SKU (%2); нет в этом файле: %3.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="490" />
        <source>Rows: %1 · Shown: %2 · Picked: %3 · Picked and valid: %4 · Invalid: %5 · Duplicates: %6</source>
        <translation>Строк: %1 · Показано: %2 · Выбрано: %3 · Выбрано корректных: %4 · Некорректных: %5 · Повторов: %6</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="504" />
        <source>[DEMO] %1</source>
        <translation>[ДЕМО] %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="542" />
        <source>About ymdesk</source>
        <translation>О программе ymdesk</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/main_window.py" line="544" />
        <source>ymdesk %1

Bulk clean-up of Yandex Market catalogs through the Market Partner API: delete products from a store or the business catalog, remove them from promos, remove API prices.</source>
        <translation>ymdesk %1

Массовая чистка каталогов Яндекс Маркета через Partner API: удаление товаров из магазина или из каталога кабинета, из акций, удаление цен, заданных через API.</translation>
    </message>
</context>
<context>
    <name>MarketApi</name>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="179" />
        <source>The API address {url} is not a web address; use https://api.partner.market.yandex.ru.</source>
        <translation>Адрес API {url} не похож на веб-адрес; используйте https://api.partner.market.yandex.ru.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="185" />
        <source>Refusing to send the API key unencrypted to {host}: use an https:// address (plain http is allowed only for the local simulator).</source>
        <translation>API-ключ не будет отправлен на {host} без шифрования: используйте адрес https:// (обычный http разрешён только для локального симулятора).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="265" />
        <source>Market no longer offers the legacy method that removes all API prices (HTTP {status}); change prices in the seller cabinet instead.</source>
        <translation>Маркет больше не поддерживает старый метод удаления всех цен, заданных через API (HTTP {status}); меняйте цены в кабинете продавца.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="309" />
        <source>Market did not answer in time; the request may or may not have been applied.</source>
        <translation>Маркет не ответил вовремя; запрос мог быть как выполнен, так и не выполнен.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="316" />
        <source>The secure connection to {host} failed its certificate check; if your company uses its own certificate authority, point REQUESTS_CA_BUNDLE at it.</source>
        <translation>Защищённое соединение с {host} не прошло проверку сертификата; если в вашей компании свой удостоверяющий центр, укажите его в REQUESTS_CA_BUNDLE.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="324" />
        <source>No connection to Market ({kind}); check the network and try again.</source>
        <translation>Нет связи с Маркетом ({kind}); проверьте сеть и повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="346" />
        <source>Market refused the request as invalid: {detail}</source>
        <translation>Маркет отклонил запрос как некорректный: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="347" />
        <source>Market did not accept the API key ({detail}); check the key in the connection settings or create a new one in the seller cabinet.</source>
        <translation>Маркет не принял API-ключ ({detail}); проверьте ключ в настройках подключения или создайте новый в кабинете продавца.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="352" />
        <source>The API key has no access to this store or business, or lacks the needed permission ({detail}); give the key the right access in the seller cabinet.</source>
        <translation>У API-ключа нет доступа к этому магазину или кабинету либо не хватает прав ({detail}); выдайте ключу нужный доступ в кабинете продавца.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="357" />
        <source>Market did not find it: {detail}</source>
        <translation>Маркет не нашёл: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="358" />
        <source>Market's rate limit was hit: {detail}</source>
        <translation>Исчерпан лимит запросов Маркета: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="359" />
        <source>Market has locked this store or method for now: {detail}</source>
        <translation>Маркет временно заблокировал этот магазин или метод: {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="361" />
        <source>Market had an internal error (HTTP {status}): {detail}</source>
        <translation>Внутренняя ошибка Маркета (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/market_api.py" line="362" />
        <source>Market answered with HTTP {status}: {detail}</source>
        <translation>Маркет ответил HTTP {status}: {detail}</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../ymdesk/core/model.py" line="42" />
        <source>Delete products from the store</source>
        <translation>Удалить товары из магазина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="43" />
        <source>Delete products from the business catalog</source>
        <translation>Удалить товары из каталога кабинета</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="44" />
        <source>Remove products from the promo</source>
        <translation>Убрать товары из акции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="45" />
        <source>Remove all prices set through the API</source>
        <translation>Удалить все цены, заданные через API</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ymdesk/core/model.py" line="93" />
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="94" />
        <source>deleted</source>
        <translation>удалён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="95" />
        <source>not deleted</source>
        <translation>не удалён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="96" />
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="97" />
        <source>invalid</source>
        <translation>некорректный</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="98" />
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/model.py" line="99" />
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ymdesk/core/job_report.py" line="54" />
        <source>Cannot write the report to {path} ({reason}); choose another folder or close the file if it is open in Excel. The results stay in the journal.</source>
        <translation>Не удаётся записать отчёт в {path} ({reason}); выберите другую папку или закройте файл, если он открыт в Excel. Результаты сохранены в журнале.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="37" />
        <source>SKU</source>
        <extracomment>Reports longer than this are streamed (xlsxwriter's constant_memory mode); see write_report_xlsx.</extracomment>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="38" />
        <source>Row in file</source>
        <translation>Строка в файле</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="39" />
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="40" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="41" />
        <source>API code</source>
        <translation>Код API</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="42" />
        <source>HTTP status</source>
        <translation>Статус HTTP</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="44" />
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="45" />
        <source>SKUs ({number})</source>
        <translation>SKU ({number})</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="46" />
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="48" />
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="49" />
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="50" />
        <source>Store, business or promo</source>
        <translation>Магазин, кабинет или акция</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="51" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="52" />
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="53" />
        <source>Finished</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="54" />
        <source>SKUs by outcome</source>
        <translation>SKU по итогам</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="55" />
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/report.py" line="56" />
        <source>ymdesk version</source>
        <translation>Версия ymdesk</translation>
    </message>
</context>
<context>
    <name>ResultsTableModel</name>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="83" />
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="83" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="83" />
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="83" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="83" />
        <source>API code</source>
        <translation>Код API</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="163" />
        <source>All outcomes</source>
        <translation>Все итоги</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="169" />
        <source>Find a SKU…</source>
        <translation>Найти SKU…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="179" />
        <source>Export report (XLSX)…</source>
        <translation>Сохранить отчёт (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="181" />
        <source>Export report (CSV)…</source>
        <translation>Сохранить отчёт (CSV)…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="183" />
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="187" />
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="207" />
        <source>Run #%1 — %2</source>
        <translation>Запуск №%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="231" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="231" />
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/results_view.py" line="233" />
        <source>Export report</source>
        <translation>Сохранить отчёт</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="104" />
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="108" />
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="113" />
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="72" />
        <source>store %1</source>
        <translation>магазин %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="76" />
        <source>business %1</source>
        <translation>кабинет %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="78" />
        <source>promo %1</source>
        <translation>акция %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="80" />
        <source>all products</source>
        <translation>все товары</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="106" />
        <source>Run an operation</source>
        <translation>Запуск операции</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="143" />
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="150" />
        <source>Leave the promo entirely (all products, not only the picked ones)</source>
        <translation>Выйти из акции полностью (все товары, а не только выбранные)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="155" />
        <source>Operation:</source>
        <translation>Операция:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="156" />
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="157" />
        <source>Business:</source>
        <translation>Кабинет:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="158" />
        <source>Promo:</source>
        <translation>Акция:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="163" />
        <source>Start…</source>
        <translation>Запустить…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="166" />
        <location filename="../../ymdesk/ui/run_dialog.py" line="540" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="207" />
        <source>Asking Market for the list of stores…</source>
        <translation>Запрашиваем у Маркета список магазинов…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="242" />
        <source>(connect to Market to see the stores)</source>
        <translation>(подключитесь к Маркету, чтобы увидеть магазины)</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="296" />
        <source>Checking the picked SKUs…</source>
        <translation>Проверяем выбранные SKU…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="361" />
        <source>%v of %m SKUs</source>
        <translation>%v из %m SKU</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="369" />
        <location filename="../../ymdesk/ui/run_dialog.py" line="407" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="382" />
        <source>Log:</source>
        <translation>Журнал:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="396" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="439" />
        <source>Starting…</source>
        <translation>Запускаем…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="415" />
        <source>No API key</source>
        <translation>Нет API-ключа</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="403" />
        <source>Recording the SKUs in the journal…</source>
        <translation>Записываем SKU в журнал…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="415" />
        <source>Connect to Market first (Market &gt; Connect).</source>
        <translation>Сначала подключитесь к Маркету («Маркет &gt; Подключиться»).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="420" />
        <source>Started.</source>
        <translation>Запущено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="441" />
        <source>Run #%1: %2</source>
        <translation>Запуск №%1: %2</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="446" />
        <source>Batch %1 of %2</source>
        <translation>Пакет %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="449" />
        <source>%1: sending %2 SKUs…</source>
        <translation>%1: отправляем SKU: %2…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="470" />
        <source>About %1 left</source>
        <translation>Осталось около %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="477" />
        <source>Keeping to Market's rate limit: next request in %1</source>
        <translation>Соблюдаем лимит запросов Маркета: следующий запрос через %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="478" />
        <source>Market's rate limit was reached: waiting %1</source>
        <translation>Лимит запросов Маркета исчерпан: ждём %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="479" />
        <source>Market did not answer properly: trying again in %1</source>
        <translation>Маркет ответил с ошибкой: повтор через %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="480" />
        <source>The store is busy on Market's side: trying again in %1</source>
        <translation>Магазин занят на стороне Маркета: повтор через %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="482" />
        <source>Waiting %1</source>
        <translation>Ожидание %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="493" />
        <source>Cancelling…</source>
        <translation>Отменяем…</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="494" />
        <source>Cancelling: the current request is finished, the rest is recorded as cancelled.</source>
        <translation>Отмена: текущий запрос будет завершён, остальное записывается как отменённое.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="503" />
        <source>Finished.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="505" />
        <source>Cancelled. The SKUs not sent are recorded as cancelled; resume from History.</source>
        <translation>Отменено. Неотправленные SKU записаны как отменённые; продолжить можно из «Истории».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="507" />
        <source>Stopped by Market.</source>
        <translation>Остановлено Маркетом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="521" />
        <source>Market stopped the run</source>
        <translation>Маркет остановил запуск</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="524" />
        <source>The SKUs not sent are recorded as cancelled; resume from History.</source>
        <translation>Неотправленные SKU записаны как отменённые; продолжить можно из «Истории».</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="535" />
        <source>Check whether Market has applied it</source>
        <translation>Проверить, применил ли Маркет изменения</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="559" />
        <source>Market applies promo changes in 4–6 hours. Until then the products may still show in the promo.</source>
        <translation>Маркет применяет изменения в акциях за 4–6 часов. До тех пор товары ещё могут отображаться в акции.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="583" />
        <source>Market is still processing the changes to this promo. Check again later.</source>
        <translation>Маркет ещё обрабатывает изменения в этой акции. Проверьте позже.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="585" />
        <source>Market has finished processing the changes to this promo.</source>
        <translation>Маркет закончил обработку изменений в этой акции.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="593" />
        <source>Stop the run?</source>
        <translation>Остановить запуск?</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/run_dialog.py" line="595" />
        <source>A run is in progress. Stop it? The current request is finished; the SKUs not sent are recorded as cancelled and can be resumed from History.</source>
        <translation>Идёт запуск. Остановить его? Текущий запрос будет завершён; неотправленные SKU запишутся как отменённые, их можно продолжить из «Истории».</translation>
    </message>
</context>
<context>
    <name>RunPlan</name>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="71" />
        <source>Choose the store (and the promo, for promo operations) to see what will be sent.</source>
        <extracomment>Runs above this many SKUs must be confirmed by typing the count. A rough time for one request and its answer, for the estimate.</extracomment>
        <translation>Выберите магазин (и акцию — для операций с акциями), чтобы увидеть, что будет отправлено.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="75" />
        <source>All prices set through the API will be removed in the whole store, in one request.</source>
        <translation>Все цены, заданные через API, будут удалены во всём магазине одним запросом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="79" />
        <source>The store leaves the promo entirely: all its products, in one request.</source>
        <translation>Магазин полностью выходит из акции: все товары, одним запросом.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="83" />
        <source>Picked rows: %1</source>
        <translation>Выбрано строк: %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="84" />
        <source>Valid SKUs to send: %1</source>
        <translation>Корректных SKU к отправке: %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="85" />
        <source>Invalid (not sent, listed in the report): %1</source>
        <translation>Некорректных (не отправляются, попадут в отчёт): %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="88" />
        <source>Duplicates (sent once): %1</source>
        <translation>Повторов (отправляются один раз): %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="89" />
        <source>Batches: %1</source>
        <translation>Пакетов: %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="90" />
        <source>Estimated time: about %1</source>
        <translation>Примерное время: около %1</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/plan.py" line="96" />
        <source>There is nothing valid to send: pick rows with valid SKUs.</source>
        <translation>Отправлять нечего: выберите строки с корректными SKU.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="48" />
        <source>Not deleted: the product is not in this store, or it is held in a Market warehouse.</source>
        <extracomment>Why a SKU in notDeletedOfferIds was not deleted, by operation and by whether an earlier request for it went unanswered (then "not found" may be that request's own doing).</extracomment>
        <translation>Не удалён: товара нет в этом магазине, или он хранится на складе Маркета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="51" />
        <source>Not deleted: the product is not in this store, or it is held in a Market warehouse. An earlier request for it got no answer and may already have deleted it.</source>
        <translation>Не удалён: товара нет в этом магазине, или он хранится на складе Маркета. Предыдущий запрос по нему остался без ответа и, возможно, уже удалил его.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="56" />
        <location filename="../../ymdesk/core/runner.py" line="59" />
        <source>Not deleted: the product is held in a Market warehouse.</source>
        <translation>Не удалён: товар хранится на складе Маркета.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="63" />
        <source>Market has no product with this SKU in the cabinet.</source>
        <translation>В кабинете на Маркете нет товара с этим SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="64" />
        <source>Market refused to remove it from the promo ({code}).</source>
        <translation>Маркет отказался убрать его из акции ({code}).</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="65" />
        <source>Not sent: the run was cancelled.</source>
        <translation>Не отправлен: запуск отменён.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="140" />
        <source>Sending {count} SKUs in {batches} batches.</source>
        <translation>Отправляем SKU: {count}, пакетов: {batches}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="172" />
        <source>All prices set through the API were removed from store {store}.</source>
        <translation>Все цены, заданные через API, удалены в магазине {store}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="176" />
        <source>Left promo {promo}: all its products were removed. Market applies the change within 4 to 6 hours.</source>
        <translation>Выход из акции {promo}: все её товары убраны. Маркет применит изменение в течение 4–6 часов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="197" />
        <source>Market refused a batch of {count} SKUs; splitting it to find the ones it objects to.</source>
        <translation>Маркет отклонил пакет из {count} SKU; делим его, чтобы найти те, что ему не нравятся.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="239" />
        <source>Keeping to Market's rate limit: next batch in {seconds} s.</source>
        <translation>Соблюдаем лимит запросов Маркета: следующий пакет через {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="258" />
        <source>Market's rate limit was reached (HTTP 420); waiting {seconds} s as Market asks.</source>
        <translation>Лимит запросов Маркета исчерпан (HTTP 420); ждём {seconds} с, как просит Маркет.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="270" />
        <source>Market has locked the store for now (HTTP 423); trying again in {seconds} s.</source>
        <translation>Маркет временно заблокировал магазин (HTTP 423); повтор через {seconds} с.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/runner.py" line="290" />
        <source>{problem} Trying again in {seconds} s (attempt {attempt} of {attempts}).</source>
        <translation>{problem} Повтор через {seconds} с (попытка {attempt} из {attempts}).</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../ymdesk/core/secrets.py" line="77" />
        <source>The system keyring is not available, so the API key cannot be saved; set the YM_API_KEY environment variable instead, or install a keyring service.</source>
        <translation>Системное хранилище паролей недоступно, поэтому API-ключ не сохранить; задайте переменную окружения YM_API_KEY или установите службу хранения паролей.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="30" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="32" />
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="39" />
        <source> SKUs per request</source>
        <translation> SKU в запросе</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="44" />
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="45" />
        <source>Batch size:</source>
        <translation>Размер пакета:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="46" />
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="48" />
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="49" />
        <source>Change it only if your support asks you to. The language applies after a restart.</source>
        <translation>Меняйте адрес, только если об этом просит поддержка. Язык применится после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/ui/settings_dialog.py" line="61" />
        <source>The demo always uses the built-in simulator.</source>
        <translation>Демо всегда использует встроенный симулятор.</translation>
    </message>
</context>
<context>
    <name>Sku</name>
    <message>
        <location filename="../../ymdesk/core/skus.py" line="51" />
        <source>The SKU is empty.</source>
        <extracomment>Every character for which ``str.isspace()`` is true (a unit test checks this list stays exact). Refused anywhere in a trimmed SKU: the pattern's [<byte value="x0" />-<byte value="x8" />
-<byte value="x1f" />] (TAB is allowed).</extracomment>
        <translation>SKU пустой.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/skus.py" line="52" />
        <source>The SKU has only spaces.</source>
        <translation>SKU состоит только из пробелов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/skus.py" line="53" />
        <source>The SKU has a control character {code} at position {position}.</source>
        <translation>В SKU есть управляющий символ {code} в позиции {position}.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/skus.py" line="54" />
        <source>The SKU is too long: {length} characters, {over} over the limit of {limit}.</source>
        <translation>SKU слишком длинный: {length} символов, на {over} больше предела {limit}.</translation>
    </message>
</context>
<context>
    <name>Spreadsheet</name>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="16" />
        <source>The file {name} cannot be opened; check that it exists and that you may read it.</source>
        <extracomment>Data rows ymdesk opens from one sheet or CSV. Excel's own limit (1,048,576 rows per sheet) is below it; a CSV can be longer, and past 5 million rows the table no longer fits comfortably in memory on an ordinary office PC, so larger files are refused with a request to split them. Largest file (or unpacked archive member) ymdesk reads, in bytes.</extracomment>
        <translation>Файл {name} не открывается; проверьте, что он существует и у вас есть права на чтение.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="19" />
        <source>The file {name} is empty; choose the file that holds your SKUs.</source>
        <translation>Файл {name} пустой; выберите файл, в котором есть ваши SKU.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="20" />
        <source>The file {name} is larger than {limit} MB, more than ymdesk opens at once; split it into smaller files.</source>
        <translation>Файл {name} больше {limit} МБ — это больше, чем ymdesk открывает за раз; разделите его на файлы поменьше.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="24" />
        <source>The file {name} has more than {limit} rows, more than ymdesk opens at once; split it into smaller files.</source>
        <translation>В файле {name} больше {limit} строк — это больше, чем ymdesk открывает за раз; разделите его на файлы поменьше.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="28" />
        <source>The file {name} is a PDF document, not a spreadsheet; export the catalog from the cabinet as Excel or CSV.</source>
        <translation>Файл {name} — это документ PDF, а не таблица; выгрузите каталог из кабинета в формате Excel или CSV.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="32" />
        <source>The file {name} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx.</source>
        <translation>Файл {name} — это веб-страница, а не таблица; откройте его в Excel и сохраните как .xlsx.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="35" />
        <source>The file {name} is not a spreadsheet ymdesk can read; save it as .xlsx or .csv and open that.</source>
        <translation>Файл {name} — не таблица, которую может прочитать ymdesk; сохраните его как .xlsx или .csv и откройте новый файл.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="38" />
        <source>The workbook {name} is protected with a password; open it in Excel, remove the password, save it and try again.</source>
        <translation>Книга {name} защищена паролем; откройте её в Excel, снимите пароль, сохраните и повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="42" />
        <source>The file {name} is damaged or incomplete; download or export it again and open the new copy.</source>
        <translation>Файл {name} повреждён или загружен не полностью; скачайте или выгрузите его заново и откройте новую копию.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="45" />
        <source>The file {name} could not be read as a spreadsheet; open it in Excel, save it as .xlsx and try again.</source>
        <translation>Файл {name} не удалось прочитать как таблицу; откройте его в Excel, сохраните как .xlsx и повторите.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="49" />
        <source>The archive {name} holds no spreadsheet; extract the catalog file from it and open that.</source>
        <translation>В архиве {name} нет таблицы; извлеките из него файл каталога и откройте его.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="52" />
        <source>The archive {name} holds several spreadsheets ({files}); extract the one you need and open it directly.</source>
        <translation>В архиве {name} несколько таблиц ({files}); извлеките нужную и откройте её напрямую.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="56" />
        <source>The archive {name} unpacks to far more data than a catalog holds; check where it came from and open the spreadsheet itself.</source>
        <translation>Архив {name} распаковывается в гораздо больший объём, чем бывает у каталога; проверьте, откуда он взялся, и откройте саму таблицу.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="61" />
        <source>The text encoding of {name} was not recognised; save it as CSV UTF-8 and open it again.</source>
        <translation>Не удалось определить кодировку текста в {name}; сохраните его как CSV UTF-8 и откройте снова.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="64" />
        <source>No column with SKUs was found in {name}; give it a header such as “Ваш SKU” or choose the column yourself.</source>
        <translation>В {name} не найден столбец с SKU; дайте ему заголовок, например «Ваш SKU», или выберите столбец сами.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="68" />
        <source>There is no column “{column}” in {name}; choose one of the columns it has.</source>
        <translation>В {name} нет столбца «{column}»; выберите один из имеющихся столбцов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="71" />
        <source>There is no sheet “{sheet}” in {name}; choose one of the sheets it has.</source>
        <translation>В {name} нет листа «{sheet}»; выберите один из имеющихся листов.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="74" />
        <source>The file {name} has no rows under its header; check that this is the right file and sheet.</source>
        <translation>В файле {name} нет строк под заголовком; проверьте, что это нужный файл и лист.</translation>
    </message>
    <message>
        <location filename="../../ymdesk/core/sheet_errors.py" line="77" />
        <source>Opening {name} was cancelled.</source>
        <translation>Открытие {name} отменено.</translation>
    </message>
</context>
</TS>