-- A journal as ymdesk 0.1.0 wrote it (PRAGMA user_version 0), made by 0.1.0's own Journal and dumped with
-- sqlite3's iterdump. Job 1 done; job 2 killed mid-run (batch 1 recorded, batch 2 marked sent with no answer,
-- the rest pending, status still running); job 3 a cancelled promo job. Each CREATE TABLE is folded onto one
-- line (SQLite keeps the text but reads only the definition): the columns, types, defaults, keys and WITHOUT
-- ROWID are 0.1.0's, and test_the_0_1_0_tables_are_format_1_column_for_column holds them to it.
BEGIN TRANSACTION;
CREATE TABLE items (job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, seq INTEGER NOT NULL, sku TEXT NOT NULL, raw TEXT NOT NULL, row INTEGER, outcome TEXT NOT NULL DEFAULT 'pending', reason TEXT, api_code TEXT, http_status INTEGER, attempts INTEGER NOT NULL DEFAULT 0, updated_at TEXT, PRIMARY KEY (job_id, seq)) WITHOUT ROWID;
INSERT INTO "items" VALUES(1,0,'SKU-00000','SKU-00000',2,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(1,1,'SKU-00001','SKU-00001',3,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(1,2,'SKU-00002','SKU-00002',4,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(1,3,'SKU-00003','SKU-00003',5,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(2,0,'SKU-00000','SKU-00000',2,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(2,1,'SKU-00001','SKU-00001',3,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(2,2,'SKU-00002','SKU-00002',4,'not_deleted','{"c": "Runner", "t": "Not deleted: the product is not in this store, or it is held in a Market warehouse.", "a": {}}',NULL,200,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(2,3,'SKU-00003','SKU-00003',5,'deleted',NULL,NULL,NULL,1,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(2,4,'SKU-00004','SKU-00004',6,'pending',NULL,NULL,NULL,1,NULL);
INSERT INTO "items" VALUES(2,5,'SKU-00005','SKU-00005',7,'pending',NULL,NULL,NULL,1,NULL);
INSERT INTO "items" VALUES(2,6,'SKU-00006','SKU-00006',8,'pending',NULL,NULL,NULL,1,NULL);
INSERT INTO "items" VALUES(2,7,'SKU-00007','SKU-00007',9,'pending',NULL,NULL,NULL,1,NULL);
INSERT INTO "items" VALUES(2,8,'SKU-00008','SKU-00008',10,'pending',NULL,NULL,NULL,0,NULL);
INSERT INTO "items" VALUES(2,9,'SKU-00009','SKU-00009',11,'pending',NULL,NULL,NULL,0,NULL);
INSERT INTO "items" VALUES(2,10,'SKU-00010','SKU-00010',12,'pending',NULL,NULL,NULL,0,NULL);
INSERT INTO "items" VALUES(2,11,'SKU-00011','SKU-00011',13,'pending',NULL,NULL,NULL,0,NULL);
INSERT INTO "items" VALUES(2,12,'  ','  ',14,'invalid','{"c": "Sku", "t": "Whitespace only", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(3,0,'SKU-00000','SKU-00000',2,'cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(3,1,'SKU-00001','SKU-00001',3,'cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(3,2,'SKU-00002','SKU-00002',4,'cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(3,3,'SKU-00003','SKU-00003',5,'cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(3,4,'SKU-00004','SKU-00004',6,'cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
INSERT INTO "items" VALUES(3,5,'SKU-00005','SKU-00005',7,'cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}',NULL,NULL,0,'2026-11-29T19:40:04+00:00');
CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, operation TEXT NOT NULL, campaign_id INTEGER, business_id INTEGER, promo_id TEXT, all_offers INTEGER NOT NULL DEFAULT 0, source_file TEXT, sheet TEXT, sku_column TEXT, api_url TEXT NOT NULL, batch_size INTEGER NOT NULL, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, status TEXT NOT NULL, message TEXT, version TEXT NOT NULL);
INSERT INTO "jobs" VALUES(1,'delete-offers',21000001,NULL,NULL,0,'/tmp/catalog.xlsx','Товары','SKU','http://127.0.0.1:8765',2,'2026-11-29T19:40:04+00:00','2026-11-29T19:40:04+00:00','2026-11-29T19:40:04+00:00','done',NULL,'0.1.0');
INSERT INTO "jobs" VALUES(2,'delete-offers',21000001,NULL,NULL,0,'/tmp/catalog.xlsx','Товары','SKU','http://127.0.0.1:8765',4,'2026-11-29T19:40:04+00:00','2026-11-29T19:40:04+00:00',NULL,'running',NULL,'0.1.0');
INSERT INTO "jobs" VALUES(3,'delete-promo-offers',NULL,10000001,'#600101',0,NULL,NULL,NULL,'http://127.0.0.1:8765',500,'2026-11-29T19:40:04+00:00','2026-11-29T19:40:04+00:00','2026-11-29T19:40:04+00:00','cancelled','{"c": "Runner", "t": "Not sent: the run was cancelled.", "a": {}}','0.1.0');
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('jobs',3);
COMMIT;
