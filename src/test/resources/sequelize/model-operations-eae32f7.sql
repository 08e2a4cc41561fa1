-- model-operations.sql: DERIVED data, not upstream code. Every SQL statement the MarsAI back-end's Sequelize
-- models (cdpi-25-26/marsai-groupe-2 @ eae32f7, sequelize 6.37.7 + mysql2 3.16.1) sent, operation by operation,
-- in the scripted sequence of src/test/sequelize/models/models-check.mjs, run on a fresh database. Bound values are inlined as
-- literals (strings with '' doubling, no backslash escapes); timestamps come from a fake clock.
-- Replay from an empty schema (built by the library or by sequelize-cli) in this order, one connection,
-- autocommit on. Before each statement, "-- expect:" gives the outcome observed when the models sent it
-- (ok rows=N for a result set, ok affected=N [insertId=N], or error ERRNO CODE: the statement must fail).
-- Operations with no statement failed in Sequelize's own validation before reaching the database.
-- Affected-row counts were recorded without CLIENT_FOUND_ROWS (as Sequelize connects); for this sequence they are
-- the same with it on (Connector/J's default): checked by replay.mjs. Savepoint names are made stable (txN).

-- @ (session setup)
-- expect: ok affected=0
SET time_zone = '+00:00';

-- @ 001 User.create admin
-- expect: ok rows=1
SELECT VERSION() as `version`;
-- expect: ok affected=1 insertId=1
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Ada','Admin','admin@example.test','hash-admin','ADMIN','2026-03-01 09:01:00','2026-03-01 09:01:00');

-- @ 002 User.create jury1 (job, known_by_mars_ai)
-- expect: ok affected=1 insertId=2
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`job`,`known_by_mars_ai`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Jules','Jury','jury1@example.test','hash-j1','DIRECTOR','Par un ami','JURY','2026-03-01 09:02:00','2026-03-01 09:02:00');

-- @ 003 User.create jury2 (ENUM value with apostrophe)
-- expect: ok affected=1 insertId=3
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`known_by_mars_ai`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Jeanne','Jury','jury2@example.test','hash-j2','Via le site internet ou application de l''IA','JURY','2026-03-01 09:03:00','2026-03-01 09:03:00');

-- @ 004 User.create jury3
-- expect: ok affected=1 insertId=4
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`known_by_mars_ai`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Jim','Jury','jury3@example.test','hash-j3','Vu une publicité du festival','JURY','2026-03-01 09:04:00','2026-03-01 09:04:00');

-- @ 005 User.create producer (role default)
-- expect: ok affected=1 insertId=5
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`birth_date`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Paul','Producer','producer@example.test','hash-p','1990-05-17 00:00:00','PRODUCER','2026-03-01 09:05:00','2026-03-01 09:05:00');

-- @ 006 User.findByPk producer (role default read back)
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` = 5;

-- @ 007 User.create duplicate email (unique)
-- operation fails: SequelizeUniqueConstraintError ER_DUP_ENTRY
-- expect: error 1062 ER_DUP_ENTRY
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'X','Y','jury1@example.test','h','JURY','2026-03-01 09:07:00','2026-03-01 09:07:00');

-- @ 008 User.create invalid role (ENUM)
-- operation fails: SequelizeDatabaseError WARN_DATA_TRUNCATED
-- expect: error 1265 WARN_DATA_TRUNCATED
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'X','Y','x@example.test','h','GUEST','2026-03-01 09:08:00','2026-03-01 09:08:00');

-- @ 009 User.create missing password (NOT NULL, model validation)
-- operation fails: SequelizeValidationError
-- (no statement sent)

-- @ 010 User.findOne by email (login)
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`email` = 'jury1@example.test';

-- @ 011 User.findAll
-- expect: ok rows=5
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User`;

-- @ 012 User.count role JURY
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User` WHERE `User`.`role` = 'JURY';

-- @ 013 user.save (updateUser: first_name, role)
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` = 4;
-- expect: ok affected=1
UPDATE `users` SET `first_name`='Jimmy',`job`='WRITER',`updatedAt`='2026-03-01 09:13:00' WHERE `id_user` = 4;

-- @ 014 Movie.create m1 (createMovie)
-- expect: ok affected=1 insertId=1
INSERT INTO `movies` (`id_movie`,`title`,`description`,`duration`,`main_language`,`release_year`,`nationality`,`picture1`,`trailer`,`youtube_link`,`production`,`workshop`,`translation`,`synopsis`,`synopsis_anglais`,`ai_tool`,`thumbnail`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'First Light','A short film',90,'fr',2025,'FR','p1.png','film.mp4','https://example.test/v1','full-ai','method','en','A short film','A short film (en)','tool-a','p1.png','submitted',5,'2026-03-01 09:14:00','2026-03-01 09:14:00');

-- @ 015 Movie.create m2
-- expect: ok affected=1 insertId=2
INSERT INTO `movies` (`id_movie`,`title`,`description`,`duration`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Second Wind','Another',60,'submitted',5,'2026-03-01 09:15:00','2026-03-01 09:15:00');

-- @ 016 Movie.create m3 (by jury3)
-- expect: ok affected=1 insertId=3
INSERT INTO `movies` (`id_movie`,`title`,`description`,`duration`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Third Eye','Third',30,'submitted',4,'2026-03-01 09:16:00','2026-03-01 09:16:00');

-- @ 017 Movie.create unknown id_user (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `movies` (`id_movie`,`title`,`description`,`duration`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Orphan','x',10,'submitted',9999,'2026-03-01 09:17:00','2026-03-01 09:17:00');

-- @ 018 Movie.create invalid selection_status (ENUM)
-- operation fails: SequelizeDatabaseError WARN_DATA_TRUNCATED
-- expect: error 1265 WARN_DATA_TRUNCATED
INSERT INTO `movies` (`id_movie`,`title`,`duration`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Bad',10,'pending',5,'2026-03-01 09:18:00','2026-03-01 09:18:00');

-- @ 019 Movie.findByPk m1
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;

-- @ 020 movie.update (updateMovie: admin_comment, youtube_status)
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok affected=1
UPDATE `movies` SET `admin_comment`='ok for review',`youtube_status`='uploaded',`youtube_movie_id`='yt-1',`updatedAt`='2026-03-01 09:20:00' WHERE `id_movie` = 1;

-- @ 021 Categorie.create x2
-- expect: ok affected=1 insertId=1
INSERT INTO `categories` (`id_categorie`,`name`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Drama','2026-03-01 09:21:00','2026-03-01 09:21:00');
-- expect: ok affected=1 insertId=2
INSERT INTO `categories` (`id_categorie`,`name`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Sci-Fi','2026-03-01 09:21:00','2026-03-01 09:21:00');

-- @ 022 Categorie.findOne by name / findAll
-- expect: ok rows=1
SELECT `id_categorie`, `name`, `createdAt`, `updatedAt` FROM `categories` AS `Categorie` WHERE `Categorie`.`name` = 'Drama' LIMIT 1;
-- expect: ok rows=2
SELECT `id_categorie`, `name`, `createdAt`, `updatedAt` FROM `categories` AS `Categorie`;

-- @ 023 movie.setCategories (createMovie / updateMovieCategories)
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=0
SELECT `createdAt`, `updatedAt`, `id_categorie`, `id_movie` FROM `movies_categories` AS `movies_categories` WHERE `movies_categories`.`id_movie` = 1;
-- expect: ok affected=2 insertId=1
INSERT INTO `movies_categories` (`createdAt`,`updatedAt`,`id_categorie`,`id_movie`) VALUES ('2026-03-01 09:23:00','2026-03-01 09:23:00',1,1),('2026-03-01 09:23:00','2026-03-01 09:23:00',2,1);
-- expect: ok rows=2
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Categories`.`id_categorie` AS `Categories.id_categorie`, `Categories`.`name` AS `Categories.name`, `Categories`.`createdAt` AS `Categories.createdAt`, `Categories`.`updatedAt` AS `Categories.updatedAt` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_categories` AS `Categories->movies_categories` INNER JOIN `categories` AS `Categories` ON `Categories`.`id_categorie` = `Categories->movies_categories`.`id_categorie`) ON `Movie`.`id_movie` = `Categories->movies_categories`.`id_movie` WHERE `Movie`.`id_movie` = 1;

-- @ 024 movie.setCategories replace with one
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=2
SELECT `createdAt`, `updatedAt`, `id_categorie`, `id_movie` FROM `movies_categories` AS `movies_categories` WHERE `movies_categories`.`id_movie` = 1;
-- expect: ok affected=1
DELETE FROM `movies_categories` WHERE `id_movie` = 1 AND `id_categorie` IN (1);
-- expect: ok rows=1
SELECT `Categorie`.`id_categorie`, `Categorie`.`name`, `Categorie`.`createdAt`, `Categorie`.`updatedAt` FROM `categories` AS `Categorie` INNER JOIN `movies_categories` AS `movies_categories` ON `Categorie`.`id_categorie` = `movies_categories`.`id_categorie` AND `movies_categories`.`id_movie` = 1;

-- @ 025 Collaborator.findOrCreate (created)
-- expect: ok affected=0
START TRANSACTION;
-- expect: ok rows=0
SELECT `id_collaborator`, `first_name`, `last_name`, `email`, `job`, `createdAt`, `updatedAt` FROM `collaborators` AS `Collaborator` WHERE `Collaborator`.`email` = 'col1@example.test' LIMIT 1;
-- expect: ok affected=1 insertId=1
INSERT INTO `collaborators` (`id_collaborator`,`first_name`,`last_name`,`email`,`job`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Cleo','Collab','col1@example.test',NULL,'2026-03-01 09:25:00','2026-03-01 09:25:00');
-- expect: ok affected=0
COMMIT;

-- @ 026 Collaborator.findOrCreate (found) + update
-- expect: ok affected=0
START TRANSACTION;
-- expect: ok rows=1
SELECT `id_collaborator`, `first_name`, `last_name`, `email`, `job`, `createdAt`, `updatedAt` FROM `collaborators` AS `Collaborator` WHERE `Collaborator`.`email` = 'col1@example.test' LIMIT 1;
-- expect: ok affected=0
COMMIT;
-- expect: ok affected=1
UPDATE `collaborators` SET `job`='Editor',`updatedAt`='2026-03-01 09:26:00' WHERE `id_collaborator` = 1;

-- @ 027 Collaborator.create without last_name (NOT NULL in table only)
-- operation fails: SequelizeDatabaseError ER_NO_DEFAULT_FOR_FIELD
-- expect: error 1364 ER_NO_DEFAULT_FOR_FIELD
INSERT INTO `collaborators` (`id_collaborator`,`first_name`,`email`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'No','col2@example.test','2026-03-01 09:27:00','2026-03-01 09:27:00');

-- @ 028 movie.setCollaborators
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=0
SELECT `createdAt`, `updatedAt`, `id_collaborator`, `id_movie` FROM `collaborators_movies` AS `collaborators_movies` WHERE `collaborators_movies`.`id_movie` = 1;
-- expect: ok affected=1 insertId=1
INSERT INTO `collaborators_movies` (`createdAt`,`updatedAt`,`id_collaborator`,`id_movie`) VALUES ('2026-03-01 09:28:00','2026-03-01 09:28:00',1,1);
-- expect: ok rows=1
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Collaborators`.`id_collaborator` AS `Collaborators.id_collaborator`, `Collaborators`.`first_name` AS `Collaborators.first_name`, `Collaborators`.`last_name` AS `Collaborators.last_name`, `Collaborators`.`email` AS `Collaborators.email`, `Collaborators`.`job` AS `Collaborators.job`, `Collaborators`.`createdAt` AS `Collaborators.createdAt`, `Collaborators`.`updatedAt` AS `Collaborators.updatedAt` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `collaborators_movies` AS `Collaborators->collaborators_movies` INNER JOIN `collaborators` AS `Collaborators` ON `Collaborators`.`id_collaborator` = `Collaborators->collaborators_movies`.`id_collaborator`) ON `Movie`.`id_movie` = `Collaborators->collaborators_movies`.`id_movie` WHERE `Movie`.`id_movie` = 1;

-- @ 029 MovieJury.create m1 jury1
-- expect: ok affected=1 insertId=1
INSERT INTO `movies_juries` (`id_movie_jury`,`id_movie`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,2,'2026-03-01 09:29:00','2026-03-01 09:29:00');

-- @ 030 MovieJury.create m1 jury2 (second jury, same movie)
-- expect: ok affected=1 insertId=2
INSERT INTO `movies_juries` (`id_movie_jury`,`id_movie`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,3,'2026-03-01 09:30:00','2026-03-01 09:30:00');

-- @ 031 MovieJury.create m1 jury1 again (duplicate: unique_movies_jury)
-- operation fails: SequelizeUniqueConstraintError ER_DUP_ENTRY
-- expect: error 1062 ER_DUP_ENTRY
INSERT INTO `movies_juries` (`id_movie_jury`,`id_movie`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,2,'2026-03-01 09:31:00','2026-03-01 09:31:00');

-- @ 032 MovieJury.create unknown movie (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `movies_juries` (`id_movie_jury`,`id_movie`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,9999,2,'2026-03-01 09:32:00','2026-03-01 09:32:00');

-- @ 033 MovieJury.create unknown user (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `movies_juries` (`id_movie_jury`,`id_movie`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,9999,'2026-03-01 09:33:00','2026-03-01 09:33:00');

-- @ 034 MovieJury.findOne (createOrUpdateMyVote assignment check)
-- expect: ok rows=1
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 1 AND `MovieJury`.`id_user` = 2 LIMIT 1;

-- @ 035 MovieJury.findOne not assigned
-- expect: ok rows=0
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 1 AND `MovieJury`.`id_user` = 4 LIMIT 1;

-- @ 036 MovieJury.findAll for m1
-- expect: ok rows=2
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 1 ORDER BY `MovieJury`.`id_movie_jury` ASC;

-- @ 037 movie.getJuries (association list)
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=2
SELECT `User`.`id_user`, `User`.`first_name`, `User`.`last_name`, `User`.`email`, `User`.`password`, `User`.`phone`, `User`.`mobile`, `User`.`birth_date`, `User`.`street`, `User`.`postal_code`, `User`.`city`, `User`.`country`, `User`.`biography`, `User`.`job`, `User`.`portfolio`, `User`.`youtube`, `User`.`instagram`, `User`.`linkedin`, `User`.`facebook`, `User`.`tiktok`, `User`.`known_by_mars_ai`, `User`.`role`, `User`.`createdAt`, `User`.`updatedAt`, `movies_juries`.`createdAt` AS `movies_juries.createdAt`, `movies_juries`.`updatedAt` AS `movies_juries.updatedAt`, `movies_juries`.`id_movie` AS `movies_juries.id_movie`, `movies_juries`.`id_user` AS `movies_juries.id_user` FROM `users` AS `User` INNER JOIN `movies_juries` AS `movies_juries` ON `User`.`id_user` = `movies_juries`.`id_user` AND `movies_juries`.`id_movie` = 1 ORDER BY `User`.`id_user` ASC;

-- @ 038 movie.countJuries / hasJury
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=1
SELECT COUNT(`User`.`id_user`) AS `count` FROM `users` AS `User` INNER JOIN `movies_juries` AS `movies_juries` ON `User`.`id_user` = `movies_juries`.`id_user` AND `movies_juries`.`id_movie` = 1;
-- expect: ok rows=1
SELECT `User`.`id_user` FROM `users` AS `User` INNER JOIN `movies_juries` AS `movies_juries` ON `User`.`id_user` = `movies_juries`.`id_user` AND `movies_juries`.`id_movie` = 1 WHERE (((`User`.`id_user` = 2)));
-- expect: ok rows=0
SELECT `User`.`id_user` FROM `users` AS `User` INNER JOIN `movies_juries` AS `movies_juries` ON `User`.`id_user` = `movies_juries`.`id_user` AND `movies_juries`.`id_movie` = 1 WHERE (((`User`.`id_user` = 4)));

-- @ 039 user.getJuryMovies
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` = 2;
-- expect: ok rows=1
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `movies_juries`.`id_movie` AS `movies_juries.id_movie`, `movies_juries`.`id_user` AS `movies_juries.id_user` FROM `movies` AS `Movie` INNER JOIN `movies_juries` AS `movies_juries` ON `Movie`.`id_movie` = `movies_juries`.`id_movie` AND `movies_juries`.`id_user` = 2;

-- @ 040 Movie.findByPk include Juries (getMovieById)
-- expect: ok rows=2
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Categories`.`id_categorie` AS `Categories.id_categorie`, `Categories`.`name` AS `Categories.name`, `Categories`.`createdAt` AS `Categories.createdAt`, `Categories`.`updatedAt` AS `Categories.updatedAt`, `Collaborators`.`id_collaborator` AS `Collaborators.id_collaborator`, `Collaborators`.`first_name` AS `Collaborators.first_name`, `Collaborators`.`last_name` AS `Collaborators.last_name`, `Collaborators`.`email` AS `Collaborators.email`, `Collaborators`.`job` AS `Collaborators.job`, `Collaborators`.`createdAt` AS `Collaborators.createdAt`, `Collaborators`.`updatedAt` AS `Collaborators.updatedAt`, `Awards`.`id_award` AS `Awards.id_award`, `Awards`.`id_movie` AS `Awards.id_movie`, `Awards`.`award_name` AS `Awards.award_name`, `Awards`.`createdAt` AS `Awards.createdAt`, `Awards`.`updatedAt` AS `Awards.updatedAt`, `Producer`.`id_user` AS `Producer.id_user`, `Producer`.`first_name` AS `Producer.first_name`, `Producer`.`last_name` AS `Producer.last_name`, `NominatorJury`.`id_user` AS `NominatorJury.id_user`, `NominatorJury`.`first_name` AS `NominatorJury.first_name`, `NominatorJury`.`last_name` AS `NominatorJury.last_name`, `NominatorJury`.`email` AS `NominatorJury.email`, `Juries`.`id_user` AS `Juries.id_user`, `Juries`.`first_name` AS `Juries.first_name`, `Juries`.`last_name` AS `Juries.last_name`, `Juries`.`email` AS `Juries.email`, `Juries`.`role` AS `Juries.role` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_categories` AS `Categories->movies_categories` INNER JOIN `categories` AS `Categories` ON `Categories`.`id_categorie` = `Categories->movies_categories`.`id_categorie`) ON `Movie`.`id_movie` = `Categories->movies_categories`.`id_movie` LEFT OUTER JOIN ( `collaborators_movies` AS `Collaborators->collaborators_movies` INNER JOIN `collaborators` AS `Collaborators` ON `Collaborators`.`id_collaborator` = `Collaborators->collaborators_movies`.`id_collaborator`) ON `Movie`.`id_movie` = `Collaborators->collaborators_movies`.`id_movie` LEFT OUTER JOIN `awards` AS `Awards` ON `Movie`.`id_movie` = `Awards`.`id_movie` LEFT OUTER JOIN `users` AS `Producer` ON `Movie`.`id_user` = `Producer`.`id_user` LEFT OUTER JOIN `users` AS `NominatorJury` ON `Movie`.`assigned_jury_id` = `NominatorJury`.`id_user` LEFT OUTER JOIN ( `movies_juries` AS `Juries->movies_juries` INNER JOIN `users` AS `Juries` ON `Juries`.`id_user` = `Juries->movies_juries`.`id_user`) ON `Movie`.`id_movie` = `Juries->movies_juries`.`id_movie` WHERE `Movie`.`id_movie` = 1;

-- @ 041 updateMovieJuries m2 [jury1, jury2, producer]
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok rows=2
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` IN (2, 3, 5) AND `User`.`role` = 'JURY';
-- expect: ok rows=0
SELECT `createdAt`, `updatedAt`, `id_movie`, `id_user` FROM `movies_juries` AS `movies_juries` WHERE `movies_juries`.`id_movie` = 2;
-- expect: ok affected=2 insertId=6
INSERT INTO `movies_juries` (`createdAt`,`updatedAt`,`id_movie`,`id_user`) VALUES ('2026-03-01 09:41:00','2026-03-01 09:41:00',2,2),('2026-03-01 09:41:00','2026-03-01 09:41:00',2,3);
-- expect: ok affected=1
UPDATE `movies` SET `selection_status`='assigned',`updatedAt`='2026-03-01 09:41:00' WHERE `id_movie` = 2;
-- expect: ok rows=2
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Juries`.`id_user` AS `Juries.id_user`, `Juries`.`first_name` AS `Juries.first_name`, `Juries`.`last_name` AS `Juries.last_name`, `Juries`.`email` AS `Juries.email`, `Juries`.`role` AS `Juries.role` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_juries` AS `Juries->movies_juries` INNER JOIN `users` AS `Juries` ON `Juries`.`id_user` = `Juries->movies_juries`.`id_user`) ON `Movie`.`id_movie` = `Juries->movies_juries`.`id_movie` WHERE `Movie`.`id_movie` = 2;

-- @ 042 MovieJury.findAll for m2 (rows written by the through model)
-- expect: ok rows=2
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 2 ORDER BY `MovieJury`.`id_movie_jury` ASC;

-- @ 043 updateMovieJuries m2 [jury2, jury3] (replace)
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok rows=2
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` IN (3, 4) AND `User`.`role` = 'JURY';
-- expect: ok rows=2
SELECT `createdAt`, `updatedAt`, `id_movie`, `id_user` FROM `movies_juries` AS `movies_juries` WHERE `movies_juries`.`id_movie` = 2;
-- expect: ok affected=1
DELETE FROM `movies_juries` WHERE `id_movie` = 2 AND `id_user` IN (2);
-- expect: ok affected=1 insertId=8
INSERT INTO `movies_juries` (`createdAt`,`updatedAt`,`id_movie`,`id_user`) VALUES ('2026-03-01 09:43:00','2026-03-01 09:43:00',2,4);
-- expect: ok rows=2
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Juries`.`id_user` AS `Juries.id_user`, `Juries`.`email` AS `Juries.email` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_juries` AS `Juries->movies_juries` INNER JOIN `users` AS `Juries` ON `Juries`.`id_user` = `Juries->movies_juries`.`id_user`) ON `Movie`.`id_movie` = `Juries->movies_juries`.`id_movie` WHERE `Movie`.`id_movie` = 2;

-- @ 044 movie.addJury existing link (no-op) and new link
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok rows=1
SELECT `createdAt`, `updatedAt`, `id_movie`, `id_user` FROM `movies_juries` AS `movies_juries` WHERE `movies_juries`.`id_movie` = 2 AND `movies_juries`.`id_user` IN (3);
-- expect: ok rows=0
SELECT `createdAt`, `updatedAt`, `id_movie`, `id_user` FROM `movies_juries` AS `movies_juries` WHERE `movies_juries`.`id_movie` = 2 AND `movies_juries`.`id_user` IN (2);
-- expect: ok affected=1 insertId=9
INSERT INTO `movies_juries` (`createdAt`,`updatedAt`,`id_movie`,`id_user`) VALUES ('2026-03-01 09:44:00','2026-03-01 09:44:00',2,2);
-- expect: ok rows=3
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 2 ORDER BY `MovieJury`.`id_movie_jury` ASC;

-- @ 045 movie.removeJury
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok affected=1
DELETE FROM `movies_juries` WHERE `id_movie` = 2 AND `id_user` IN (4);
-- expect: ok rows=2
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 2 ORDER BY `MovieJury`.`id_movie_jury` ASC;

-- @ 046 user.addJuryMovie m3 (through the other side)
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` = 2;
-- expect: ok rows=0
SELECT `createdAt`, `updatedAt`, `id_movie`, `id_user` FROM `movies_juries` AS `movies_juries` WHERE `movies_juries`.`id_user` = 2 AND `movies_juries`.`id_movie` IN (3);
-- expect: ok affected=1 insertId=10
INSERT INTO `movies_juries` (`createdAt`,`updatedAt`,`id_movie`,`id_user`) VALUES ('2026-03-01 09:46:00','2026-03-01 09:46:00',3,2);
-- expect: ok rows=3
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt` FROM `movies` AS `Movie` INNER JOIN `movies_juries` AS `movies_juries` ON `Movie`.`id_movie` = `movies_juries`.`id_movie` AND `movies_juries`.`id_user` = 2 ORDER BY `Movie`.`id_movie` ASC;

-- @ 047 MovieJury.update / destroy (model level)
-- expect: ok rows=1
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 3 AND `MovieJury`.`id_user` = 2 LIMIT 1;
-- expect: ok affected=1
UPDATE `movies_juries` SET `id_user`=4,`updatedAt`='2026-03-01 09:47:00' WHERE `id_movie_jury` = 10;
-- expect: ok affected=1
DELETE FROM `movies_juries` WHERE `id_movie` = 3;

-- @ 048 MovieJury.update into duplicate (unique)
-- operation fails: SequelizeUniqueConstraintError ER_DUP_ENTRY
-- expect: error 1062 ER_DUP_ENTRY
UPDATE `movies_juries` SET `id_user`=2,`updatedAt`='2026-03-01 09:48:00' WHERE `id_movie` = 1 AND `id_user` = 3;

-- @ 049 updateMovieStatus m1 -> assigned, m2 -> to_discuss
-- expect: ok rows=1
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Producer`.`id_user` AS `Producer.id_user`, `Producer`.`email` AS `Producer.email`, `Producer`.`first_name` AS `Producer.first_name` FROM `movies` AS `Movie` LEFT OUTER JOIN `users` AS `Producer` ON `Movie`.`id_user` = `Producer`.`id_user` WHERE `Movie`.`id_movie` = 1;
-- expect: ok affected=1
UPDATE `movies` SET `selection_status`='assigned',`updatedAt`='2026-03-01 09:49:00' WHERE `id_movie` = 1;
-- expect: ok rows=1
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Producer`.`id_user` AS `Producer.id_user`, `Producer`.`email` AS `Producer.email`, `Producer`.`first_name` AS `Producer.first_name` FROM `movies` AS `Movie` LEFT OUTER JOIN `users` AS `Producer` ON `Movie`.`id_user` = `Producer`.`id_user` WHERE `Movie`.`id_movie` = 2;
-- expect: ok affected=1
UPDATE `movies` SET `selection_status`='to_discuss',`jury_comment`='second round',`updatedAt`='2026-03-01 09:49:00' WHERE `id_movie` = 2;

-- @ 050 getAssignedMovies for jury2 (required Juries where)
-- expect: ok rows=2
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Categories`.`id_categorie` AS `Categories.id_categorie`, `Categories`.`name` AS `Categories.name`, `Categories`.`createdAt` AS `Categories.createdAt`, `Categories`.`updatedAt` AS `Categories.updatedAt`, `Collaborators`.`id_collaborator` AS `Collaborators.id_collaborator`, `Collaborators`.`first_name` AS `Collaborators.first_name`, `Collaborators`.`last_name` AS `Collaborators.last_name`, `Collaborators`.`email` AS `Collaborators.email`, `Collaborators`.`job` AS `Collaborators.job`, `Collaborators`.`createdAt` AS `Collaborators.createdAt`, `Collaborators`.`updatedAt` AS `Collaborators.updatedAt`, `Awards`.`id_award` AS `Awards.id_award`, `Awards`.`id_movie` AS `Awards.id_movie`, `Awards`.`award_name` AS `Awards.award_name`, `Awards`.`createdAt` AS `Awards.createdAt`, `Awards`.`updatedAt` AS `Awards.updatedAt`, `Producer`.`id_user` AS `Producer.id_user`, `Producer`.`first_name` AS `Producer.first_name`, `Producer`.`last_name` AS `Producer.last_name`, `Producer`.`known_by_mars_ai` AS `Producer.known_by_mars_ai`, `NominatorJury`.`id_user` AS `NominatorJury.id_user`, `NominatorJury`.`first_name` AS `NominatorJury.first_name`, `NominatorJury`.`last_name` AS `NominatorJury.last_name`, `NominatorJury`.`email` AS `NominatorJury.email`, `Juries`.`id_user` AS `Juries.id_user`, `Juries`.`first_name` AS `Juries.first_name`, `Juries`.`last_name` AS `Juries.last_name`, `Juries`.`email` AS `Juries.email`, `Juries`.`role` AS `Juries.role` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_categories` AS `Categories->movies_categories` INNER JOIN `categories` AS `Categories` ON `Categories`.`id_categorie` = `Categories->movies_categories`.`id_categorie`) ON `Movie`.`id_movie` = `Categories->movies_categories`.`id_movie` LEFT OUTER JOIN ( `collaborators_movies` AS `Collaborators->collaborators_movies` INNER JOIN `collaborators` AS `Collaborators` ON `Collaborators`.`id_collaborator` = `Collaborators->collaborators_movies`.`id_collaborator`) ON `Movie`.`id_movie` = `Collaborators->collaborators_movies`.`id_movie` LEFT OUTER JOIN `awards` AS `Awards` ON `Movie`.`id_movie` = `Awards`.`id_movie` LEFT OUTER JOIN `users` AS `Producer` ON `Movie`.`id_user` = `Producer`.`id_user` LEFT OUTER JOIN `users` AS `NominatorJury` ON `Movie`.`assigned_jury_id` = `NominatorJury`.`id_user` INNER JOIN ( `movies_juries` AS `Juries->movies_juries` INNER JOIN `users` AS `Juries` ON `Juries`.`id_user` = `Juries->movies_juries`.`id_user`) ON `Movie`.`id_movie` = `Juries->movies_juries`.`id_movie` AND `Juries`.`id_user` = 3 WHERE `Movie`.`selection_status` IN ('assigned', 'to_discuss', 'candidate', 'selected', 'finalist') ORDER BY `Movie`.`id_movie` ASC;

-- @ 051 getMovies (public list, all includes)
-- expect: ok rows=5
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Categories`.`id_categorie` AS `Categories.id_categorie`, `Categories`.`name` AS `Categories.name`, `Categories`.`createdAt` AS `Categories.createdAt`, `Categories`.`updatedAt` AS `Categories.updatedAt`, `Collaborators`.`id_collaborator` AS `Collaborators.id_collaborator`, `Collaborators`.`first_name` AS `Collaborators.first_name`, `Collaborators`.`last_name` AS `Collaborators.last_name`, `Collaborators`.`email` AS `Collaborators.email`, `Collaborators`.`job` AS `Collaborators.job`, `Collaborators`.`createdAt` AS `Collaborators.createdAt`, `Collaborators`.`updatedAt` AS `Collaborators.updatedAt`, `Awards`.`id_award` AS `Awards.id_award`, `Awards`.`id_movie` AS `Awards.id_movie`, `Awards`.`award_name` AS `Awards.award_name`, `Awards`.`createdAt` AS `Awards.createdAt`, `Awards`.`updatedAt` AS `Awards.updatedAt`, `Producer`.`id_user` AS `Producer.id_user`, `Producer`.`first_name` AS `Producer.first_name`, `Producer`.`last_name` AS `Producer.last_name`, `NominatorJury`.`id_user` AS `NominatorJury.id_user`, `NominatorJury`.`first_name` AS `NominatorJury.first_name`, `NominatorJury`.`last_name` AS `NominatorJury.last_name`, `Juries`.`id_user` AS `Juries.id_user`, `Juries`.`first_name` AS `Juries.first_name`, `Juries`.`last_name` AS `Juries.last_name`, `Juries`.`email` AS `Juries.email`, `Juries`.`role` AS `Juries.role` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_categories` AS `Categories->movies_categories` INNER JOIN `categories` AS `Categories` ON `Categories`.`id_categorie` = `Categories->movies_categories`.`id_categorie`) ON `Movie`.`id_movie` = `Categories->movies_categories`.`id_movie` LEFT OUTER JOIN ( `collaborators_movies` AS `Collaborators->collaborators_movies` INNER JOIN `collaborators` AS `Collaborators` ON `Collaborators`.`id_collaborator` = `Collaborators->collaborators_movies`.`id_collaborator`) ON `Movie`.`id_movie` = `Collaborators->collaborators_movies`.`id_movie` LEFT OUTER JOIN `awards` AS `Awards` ON `Movie`.`id_movie` = `Awards`.`id_movie` LEFT OUTER JOIN `users` AS `Producer` ON `Movie`.`id_user` = `Producer`.`id_user` LEFT OUTER JOIN `users` AS `NominatorJury` ON `Movie`.`assigned_jury_id` = `NominatorJury`.`id_user` LEFT OUTER JOIN ( `movies_juries` AS `Juries->movies_juries` INNER JOIN `users` AS `Juries` ON `Juries`.`id_user` = `Juries->movies_juries`.`id_user`) ON `Movie`.`id_movie` = `Juries->movies_juries`.`id_movie` ORDER BY `Movie`.`id_movie` ASC;

-- @ 052 Vote.findOne none yet (createVote check)
-- expect: ok rows=0
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_movie` = 1 AND `Vote`.`id_user` = 2 LIMIT 1;

-- @ 053 Vote.create YES m1 jury1 (createVote)
-- expect: ok affected=1 insertId=1
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,2,1,'YES','great',0,'pending','2026-03-01 09:53:00','2026-03-01 09:53:00');

-- @ 054 Vote.findByPk v1 (defaults read back: decision, modification_count)
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_vote` = 1;

-- @ 055 Vote.create TO DISCUSS m1 jury2 (createOrUpdateMyVote new)
-- expect: ok affected=1 insertId=2
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,3,1,'TO DISCUSS','hmm',0,'pending','2026-03-01 09:55:00','2026-03-01 09:55:00');

-- @ 056 Vote.create NO m2 jury2
-- expect: ok affected=1 insertId=3
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,3,2,'NO',NULL,0,'pending','2026-03-01 09:56:00','2026-03-01 09:56:00');

-- @ 057 Vote.create second vote same movie+user (no unique key)
-- expect: ok affected=1 insertId=4
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,2,1,'NO',0,'pending','2026-03-01 09:57:00','2026-03-01 09:57:00');

-- @ 058 Vote.create invalid note (ENUM)
-- operation fails: SequelizeDatabaseError WARN_DATA_TRUNCATED
-- expect: error 1265 WARN_DATA_TRUNCATED
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,2,1,'MAYBE',0,'pending','2026-03-01 09:58:00','2026-03-01 09:58:00');

-- @ 059 Vote.create invalid decision (ENUM)
-- operation fails: SequelizeDatabaseError WARN_DATA_TRUNCATED
-- expect: error 1265 WARN_DATA_TRUNCATED
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,2,1,'YES',0,'approved','2026-03-01 09:59:00','2026-03-01 09:59:00');

-- @ 060 Vote.create unknown user (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,9999,1,'YES',0,'pending','2026-03-01 10:00:00','2026-03-01 10:00:00');

-- @ 061 Vote.create unknown movie (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `votes` (`id_vote`,`id_user`,`id_movie`,`note`,`modification_count`,`decision`,`createdAt`,`updatedAt`) VALUES (DEFAULT,2,9999,'YES',0,'pending','2026-03-01 10:01:00','2026-03-01 10:01:00');

-- @ 062 createOrUpdateMyVote m1 jury2: assigned, changed -> history + save
-- expect: ok rows=1
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 1 AND `MovieJury`.`id_user` = 3 LIMIT 1;
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_movie` = 1 AND `Vote`.`id_user` = 3 LIMIT 1;
-- expect: ok affected=1 insertId=1
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`createdAt`,`updatedAt`) VALUES (DEFAULT,2,3,1,'TO DISCUSS','hmm','2026-03-01 10:02:00','2026-03-01 10:02:00');
-- expect: ok affected=1
UPDATE `votes` SET `note`='YES',`comments`='now yes',`updatedAt`='2026-03-01 10:02:00' WHERE `id_vote` = 2;

-- @ 063 createOrUpdateMyVote m2 jury2: to_discuss (second vote) -> history + modification_count
-- expect: ok rows=1
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` WHERE `MovieJury`.`id_movie` = 2 AND `MovieJury`.`id_user` = 3 LIMIT 1;
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_movie` = 2 AND `Vote`.`id_user` = 3 LIMIT 1;
-- expect: ok affected=1 insertId=2
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`createdAt`,`updatedAt`) VALUES (DEFAULT,3,3,2,'NO',NULL,'2026-03-01 10:03:00','2026-03-01 10:03:00');
-- expect: ok affected=1
UPDATE `votes` SET `modification_count`=1,`note`='TO DISCUSS',`comments`='second look',`updatedAt`='2026-03-01 10:03:00' WHERE `id_vote` = 3;

-- @ 064 setVoteDecision v1 accepted
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_vote` = 1;
-- expect: ok affected=1
UPDATE `votes` SET `decision`='accepted',`updatedAt`='2026-03-01 10:04:00' WHERE `id_vote` = 1;

-- @ 065 setVoteDecision v2 rejected
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_vote` = 2;
-- expect: ok affected=1
UPDATE `votes` SET `decision`='rejected',`updatedAt`='2026-03-01 10:05:00' WHERE `id_vote` = 2;

-- @ 066 Vote.update decision back to pending (bulk update)
-- expect: ok affected=1
UPDATE `votes` SET `decision`='pending',`updatedAt`='2026-03-01 10:06:00' WHERE `id_vote` = 4;

-- @ 067 Vote.update invalid decision (ENUM)
-- operation fails: SequelizeDatabaseError WARN_DATA_TRUNCATED
-- expect: error 1265 WARN_DATA_TRUNCATED
UPDATE `votes` SET `decision`='maybe',`updatedAt`='2026-03-01 10:07:00' WHERE `id_vote` = 4;

-- @ 068 Vote.findAll decisions read back
-- expect: ok rows=4
SELECT `id_vote`, `note`, `decision`, `modification_count` FROM `votes` AS `Vote` ORDER BY `Vote`.`id_vote` ASC;

-- @ 069 updateVote v3 (note, empty comments)
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_vote` = 3;
-- expect: ok affected=1
UPDATE `votes` SET `note`='YES',`comments`='',`updatedAt`='2026-03-01 10:09:00' WHERE `id_vote` = 3;

-- @ 070 getVoteById
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_vote` = 3;

-- @ 071 VoteHistory.create note YES
-- expect: ok affected=1 insertId=3
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,2,1,'YES','h-yes','2026-03-01 10:11:00','2026-03-01 10:11:00');

-- @ 072 VoteHistory.create note NO
-- expect: ok affected=1 insertId=4
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,2,1,'NO','h-no','2026-03-01 10:12:00','2026-03-01 10:12:00');

-- @ 073 VoteHistory.create note TO DISCUSS
-- expect: ok affected=1 insertId=5
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`comments`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,2,1,'TO DISCUSS',NULL,'2026-03-01 10:13:00','2026-03-01 10:13:00');

-- @ 074 VoteHistory.create invalid note (ENUM)
-- operation fails: SequelizeDatabaseError WARN_DATA_TRUNCATED
-- expect: error 1265 WARN_DATA_TRUNCATED
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,2,1,'MAYBE','2026-03-01 10:14:00','2026-03-01 10:14:00');

-- @ 075 VoteHistory.create without note (model validation)
-- operation fails: SequelizeValidationError
-- (no statement sent)

-- @ 076 VoteHistory.create unknown vote (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`createdAt`,`updatedAt`) VALUES (DEFAULT,9999,2,1,'NO','2026-03-01 10:16:00','2026-03-01 10:16:00');

-- @ 077 VoteHistory.create unknown user + movie (no FK on them)
-- expect: ok affected=1 insertId=7
INSERT INTO `vote_histories` (`id_vote_history`,`id_vote`,`id_user`,`id_movie`,`note`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,9998,9997,'NO','2026-03-01 10:17:00','2026-03-01 10:17:00');

-- @ 078 VoteHistory.findAll for v1 ordered
-- expect: ok rows=4
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote` = 1 ORDER BY `VoteHistory`.`createdAt` ASC, `VoteHistory`.`id_vote_history` ASC;

-- @ 079 vote.getHistory
-- expect: ok rows=1
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_vote` = 2;
-- expect: ok rows=1
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote` = 2;

-- @ 080 VoteHistory.findAll include Vote, User, Movie
-- expect: ok rows=6
SELECT `VoteHistory`.`id_vote_history`, `VoteHistory`.`id_vote`, `VoteHistory`.`id_user`, `VoteHistory`.`id_movie`, `VoteHistory`.`note`, `VoteHistory`.`comments`, `VoteHistory`.`createdAt`, `VoteHistory`.`updatedAt`, `Vote`.`id_vote` AS `Vote.id_vote`, `Vote`.`id_user` AS `Vote.id_user`, `Vote`.`id_movie` AS `Vote.id_movie`, `Vote`.`note` AS `Vote.note`, `Vote`.`comments` AS `Vote.comments`, `Vote`.`modification_count` AS `Vote.modification_count`, `Vote`.`decision` AS `Vote.decision`, `Vote`.`createdAt` AS `Vote.createdAt`, `Vote`.`updatedAt` AS `Vote.updatedAt`, `User`.`id_user` AS `User.id_user`, `User`.`email` AS `User.email`, `Movie`.`id_movie` AS `Movie.id_movie`, `Movie`.`title` AS `Movie.title` FROM `vote_histories` AS `VoteHistory` LEFT OUTER JOIN `votes` AS `Vote` ON `VoteHistory`.`id_vote` = `Vote`.`id_vote` LEFT OUTER JOIN `users` AS `User` ON `VoteHistory`.`id_user` = `User`.`id_user` LEFT OUTER JOIN `movies` AS `Movie` ON `VoteHistory`.`id_movie` = `Movie`.`id_movie` ORDER BY `VoteHistory`.`id_vote_history` ASC;

-- @ 081 VoteHistory.update note / destroy orphan
-- expect: ok rows=1
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote_history` = 7;
-- expect: ok affected=1
UPDATE `vote_histories` SET `note`='TO DISCUSS',`comments`='edited',`updatedAt`='2026-03-01 10:21:00' WHERE `id_vote_history` = 7;
-- expect: ok rows=1
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote_history` = 7;
-- expect: ok affected=1
DELETE FROM `vote_histories` WHERE `id_vote_history` = 7;

-- @ 082 getVote (findAll include User, Movie, history separate)
-- expect: ok rows=4
SELECT `Vote`.`id_vote`, `Vote`.`id_user`, `Vote`.`id_movie`, `Vote`.`note`, `Vote`.`comments`, `Vote`.`modification_count`, `Vote`.`decision`, `Vote`.`createdAt`, `Vote`.`updatedAt`, `User`.`id_user` AS `User.id_user`, `User`.`first_name` AS `User.first_name`, `User`.`last_name` AS `User.last_name`, `User`.`email` AS `User.email`, `Movie`.`id_movie` AS `Movie.id_movie`, `Movie`.`title` AS `Movie.title` FROM `votes` AS `Vote` LEFT OUTER JOIN `users` AS `User` ON `Vote`.`id_user` = `User`.`id_user` LEFT OUTER JOIN `movies` AS `Movie` ON `Vote`.`id_movie` = `Movie`.`id_movie` ORDER BY `Vote`.`id_vote` ASC;
-- expect: ok rows=5
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote` IN (1, 2, 3, 4) ORDER BY `VoteHistory`.`createdAt` ASC;

-- @ 083 getMyVotes jury1
-- expect: ok rows=2
SELECT `Vote`.`id_vote`, `Vote`.`id_user`, `Vote`.`id_movie`, `Vote`.`note`, `Vote`.`comments`, `Vote`.`modification_count`, `Vote`.`decision`, `Vote`.`createdAt`, `Vote`.`updatedAt`, `Movie`.`id_movie` AS `Movie.id_movie`, `Movie`.`title` AS `Movie.title` FROM `votes` AS `Vote` LEFT OUTER JOIN `movies` AS `Movie` ON `Vote`.`id_movie` = `Movie`.`id_movie` WHERE `Vote`.`id_user` = 2 ORDER BY `Vote`.`id_vote` ASC;
-- expect: ok rows=3
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote` IN (1, 4) ORDER BY `VoteHistory`.`createdAt` ASC;

-- @ 084 getMyVoteByMovie jury2 m2
-- expect: ok rows=1
SELECT `Vote`.`id_vote`, `Vote`.`id_user`, `Vote`.`id_movie`, `Vote`.`note`, `Vote`.`comments`, `Vote`.`modification_count`, `Vote`.`decision`, `Vote`.`createdAt`, `Vote`.`updatedAt`, `Movie`.`id_movie` AS `Movie.id_movie`, `Movie`.`title` AS `Movie.title` FROM `votes` AS `Vote` LEFT OUTER JOIN `movies` AS `Movie` ON `Vote`.`id_movie` = `Movie`.`id_movie` WHERE `Vote`.`id_user` = 3 AND `Vote`.`id_movie` = 2 LIMIT 1;
-- expect: ok rows=1
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote` IN (3) ORDER BY `VoteHistory`.`createdAt` ASC;

-- @ 085 promoteMovieToCandidateByJury m2 by jury2
-- expect: ok rows=2
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Juries`.`id_user` AS `Juries.id_user` FROM `movies` AS `Movie` LEFT OUTER JOIN ( `movies_juries` AS `Juries->movies_juries` INNER JOIN `users` AS `Juries` ON `Juries`.`id_user` = `Juries->movies_juries`.`id_user`) ON `Movie`.`id_movie` = `Juries->movies_juries`.`id_movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok affected=1
UPDATE `movies` SET `selection_status`='selected',`assigned_jury_id`=3,`jury_comment`='nominate',`updatedAt`='2026-03-01 10:25:00' WHERE `id_movie` = 2;
-- expect: ok rows=1
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `NominatorJury`.`id_user` AS `NominatorJury.id_user`, `NominatorJury`.`email` AS `NominatorJury.email` FROM `movies` AS `Movie` LEFT OUTER JOIN `users` AS `NominatorJury` ON `Movie`.`assigned_jury_id` = `NominatorJury`.`id_user` WHERE `Movie`.`id_movie` = 2;

-- @ 086 Movie.update unknown assigned_jury_id (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
UPDATE `movies` SET `assigned_jury_id`=9999,`updatedAt`='2026-03-01 10:26:00' WHERE `id_movie` = 3;

-- @ 087 user.getProposedMovies / getMovies / getVotes
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` = 3;
-- expect: ok rows=1
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` WHERE `User`.`id_user` = 5;
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`assigned_jury_id` = 3;
-- expect: ok rows=2
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` WHERE `Vote`.`id_user` = 3 ORDER BY `Vote`.`id_vote` ASC;
-- expect: ok rows=2
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_user` = 5 ORDER BY `Movie`.`id_movie` ASC;

-- @ 088 dashboard counts
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies` AS `Movie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `awards` AS `Award`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `categories` AS `Categorie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User` WHERE `User`.`role` = 'JURY';
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User` WHERE `User`.`createdAt` >= '2026-03-01 00:00:00';
-- expect: ok rows=1
SELECT count(DISTINCT(`id_movie`)) AS `count` FROM `votes` AS `Vote`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies` AS `Movie` WHERE `Movie`.`selection_status` = 'selected';
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote` WHERE `Vote`.`note` = 'YES';
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote` WHERE `Vote`.`note` = 'NO';
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote` WHERE `Vote`.`note` = 'TO DISCUSS';
-- expect: ok rows=3
SELECT `id_user` FROM `users` AS `User` WHERE `User`.`role` = 'JURY';
-- expect: ok rows=1
SELECT count(DISTINCT(`id_user`)) AS `count` FROM `votes` AS `Vote` WHERE `Vote`.`id_user` IN (2, 3, 4);

-- @ 089 dashboard votes trend + pipeline (group by)
-- expect: ok rows=1
SELECT DATE(`createdAt`) AS `date`, COUNT(`id_vote`) AS `count` FROM `votes` AS `Vote` WHERE `Vote`.`createdAt` >= '2026-02-23 10:29:00' GROUP BY DATE(`createdAt`) ORDER BY DATE(`createdAt`) ASC;
-- expect: ok rows=3
SELECT `selection_status`, COUNT(`id_movie`) AS `count` FROM `movies` AS `Movie` GROUP BY `selection_status` ORDER BY `Movie`.`selection_status` ASC;

-- @ 090 Award.create + movie.update awarded (createAward)
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok affected=1 insertId=1
INSERT INTO `awards` (`id_award`,`id_movie`,`award_name`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,'Grand Prix','2026-03-01 10:30:00','2026-03-01 10:30:00');
-- expect: ok affected=1
UPDATE `movies` SET `selection_status`='awarded',`updatedAt`='2026-03-01 10:30:00' WHERE `id_movie` = 1;

-- @ 091 Award.create without award_name (NOT NULL in table only)
-- operation fails: SequelizeDatabaseError ER_NO_DEFAULT_FOR_FIELD
-- expect: error 1364 ER_NO_DEFAULT_FOR_FIELD
INSERT INTO `awards` (`id_award`,`id_movie`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,'2026-03-01 10:31:00','2026-03-01 10:31:00');

-- @ 092 Award.create unknown movie (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `awards` (`id_award`,`id_movie`,`award_name`,`createdAt`,`updatedAt`) VALUES (DEFAULT,9999,'Nope','2026-03-01 10:32:00','2026-03-01 10:32:00');

-- @ 093 Award.findAll / findOne by name / movie.getAwards
-- expect: ok rows=1
SELECT `id_award`, `id_movie`, `award_name`, `createdAt`, `updatedAt` FROM `awards` AS `Award`;
-- expect: ok rows=1
SELECT `id_award`, `id_movie`, `award_name`, `createdAt`, `updatedAt` FROM `awards` AS `Award` WHERE `Award`.`award_name` = 'Grand Prix' LIMIT 1;
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok rows=1
SELECT `id_award`, `id_movie`, `award_name`, `createdAt`, `updatedAt` FROM `awards` AS `Award` WHERE `Award`.`id_movie` = 1;

-- @ 094 phase3Movies (awarded, include Award)
-- expect: ok rows=1
SELECT `Movie`.`id_movie`, `Movie`.`title`, `Movie`.`description`, `Movie`.`duration`, `Movie`.`main_language`, `Movie`.`release_year`, `Movie`.`nationality`, `Movie`.`display_picture`, `Movie`.`picture1`, `Movie`.`picture2`, `Movie`.`picture3`, `Movie`.`trailer`, `Movie`.`youtube_link`, `Movie`.`production`, `Movie`.`workshop`, `Movie`.`translation`, `Movie`.`synopsis`, `Movie`.`synopsis_anglais`, `Movie`.`subtitle`, `Movie`.`ai_tool`, `Movie`.`thumbnail`, `Movie`.`admin_comment`, `Movie`.`jury_comment`, `Movie`.`assigned_jury_id`, `Movie`.`selection_status`, `Movie`.`youtube_status`, `Movie`.`youtube_movie_id`, `Movie`.`id_user`, `Movie`.`createdAt`, `Movie`.`updatedAt`, `Awards`.`id_award` AS `Awards.id_award`, `Awards`.`id_movie` AS `Awards.id_movie`, `Awards`.`award_name` AS `Awards.award_name`, `Awards`.`createdAt` AS `Awards.createdAt`, `Awards`.`updatedAt` AS `Awards.updatedAt` FROM `movies` AS `Movie` LEFT OUTER JOIN `awards` AS `Awards` ON `Movie`.`id_movie` = `Awards`.`id_movie` WHERE `Movie`.`selection_status` = 'awarded' ORDER BY `Movie`.`createdAt` DESC;

-- @ 095 Award.update / Award.destroy
-- expect: ok rows=1
SELECT `id_award`, `id_movie`, `award_name`, `createdAt`, `updatedAt` FROM `awards` AS `Award` WHERE `Award`.`id_award` = 1;
-- expect: ok affected=1
UPDATE `awards` SET `award_name`='Jury Prize',`updatedAt`='2026-03-01 10:35:00' WHERE `id_award` = 1;
-- expect: ok affected=1 insertId=3
INSERT INTO `awards` (`id_award`,`id_movie`,`award_name`,`createdAt`,`updatedAt`) VALUES (DEFAULT,1,'Audience','2026-03-01 10:35:00','2026-03-01 10:35:00');
-- expect: ok affected=1
DELETE FROM `awards` WHERE `id_award` = 1;

-- @ 096 Event.create (model columns vs table)
-- operation fails: SequelizeDatabaseError ER_BAD_FIELD_ERROR
-- expect: error 1054 ER_BAD_FIELD_ERROR
INSERT INTO `events` (`id_event`,`name`,`description`,`start_date`,`end_date`,`location`,`event_type`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Opening','x','2026-06-01 18:00:00','2026-06-01 22:00:00','Marseille','MEETUP','2026-03-01 10:36:00','2026-03-01 10:36:00');

-- @ 097 Event.findAll
-- operation fails: SequelizeDatabaseError ER_BAD_FIELD_ERROR
-- expect: error 1054 ER_BAD_FIELD_ERROR
SELECT `id_event`, `name`, `description`, `start_date`, `end_date`, `location`, `event_type`, `createdAt`, `updatedAt` FROM `events` AS `Event`;

-- @ 098 Reservation.findAll
-- expect: ok rows=0
SELECT `id_reservation`, `id_event`, `first_name`, `last_name`, `email`, `number_seats`, `reservation_date`, `createdAt`, `updatedAt` FROM `reservations` AS `Reservation`;

-- @ 099 Reservation.create unknown event (FK)
-- operation fails: SequelizeForeignKeyConstraintError ER_NO_REFERENCED_ROW_2
-- expect: error 1452 ER_NO_REFERENCED_ROW_2
INSERT INTO `reservations` (`id_reservation`,`id_event`,`first_name`,`last_name`,`email`,`number_seats`,`createdAt`,`updatedAt`) VALUES (DEFAULT,9999,'R','S','r@example.test',2,'2026-03-01 10:39:00','2026-03-01 10:39:00');

-- @ 100 Reservation.findAll include Event
-- operation fails: SequelizeDatabaseError ER_BAD_FIELD_ERROR
-- expect: error 1054 ER_BAD_FIELD_ERROR
SELECT `Reservation`.`id_reservation`, `Reservation`.`id_event`, `Reservation`.`first_name`, `Reservation`.`last_name`, `Reservation`.`email`, `Reservation`.`number_seats`, `Reservation`.`reservation_date`, `Reservation`.`createdAt`, `Reservation`.`updatedAt`, `Event`.`id_event` AS `Event.id_event`, `Event`.`name` AS `Event.name`, `Event`.`description` AS `Event.description`, `Event`.`start_date` AS `Event.start_date`, `Event`.`end_date` AS `Event.end_date`, `Event`.`location` AS `Event.location`, `Event`.`event_type` AS `Event.event_type`, `Event`.`createdAt` AS `Event.createdAt`, `Event`.`updatedAt` AS `Event.updatedAt` FROM `reservations` AS `Reservation` LEFT OUTER JOIN `events` AS `Event` ON `Reservation`.`id_event` = `Event`.`id_event`;

-- @ 101 Sponsor.create / findAll / findByPk / update
-- expect: ok affected=1 insertId=1
INSERT INTO `sponsors` (`id_sponsor`,`name`,`logo`,`url`,`category`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Acme','acme.png','https://acme.example','gold','2026-03-01 10:41:00','2026-03-01 10:41:00');
-- expect: ok rows=1
SELECT `id_sponsor`, `name`, `logo`, `url`, `category`, `createdAt`, `updatedAt` FROM `sponsors` AS `Sponsor` ORDER BY `Sponsor`.`createdAt` DESC;
-- expect: ok rows=1
SELECT `id_sponsor`, `name`, `logo`, `url`, `category`, `createdAt`, `updatedAt` FROM `sponsors` AS `Sponsor` WHERE `Sponsor`.`id_sponsor` = 1;
-- expect: ok affected=1
UPDATE `sponsors` SET `category`='silver',`updatedAt`='2026-03-01 10:41:00' WHERE `id_sponsor` = 1;

-- @ 102 Sponsor.create without logo (model validation)
-- operation fails: SequelizeValidationError
-- (no statement sent)

-- @ 103 Sponsor.destroy
-- expect: ok rows=1
SELECT `id_sponsor`, `name`, `logo`, `url`, `category`, `createdAt`, `updatedAt` FROM `sponsors` AS `Sponsor` WHERE `Sponsor`.`id_sponsor` = 1;
-- expect: ok affected=1
DELETE FROM `sponsors` WHERE `id_sponsor` = 1;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `sponsors` AS `Sponsor`;

-- @ 104 NewsletterSubscriber.findOrCreate (created, FILM_CANDIDACY)
-- expect: ok affected=0
START TRANSACTION;
-- expect: ok rows=0
SELECT `id_subscriber`, `email`, `first_name`, `last_name`, `source`, `is_active`, `createdAt`, `updatedAt` FROM `newsletter_subscribers` AS `NewsletterSubscriber` WHERE `NewsletterSubscriber`.`email` = 'producer@example.test';
-- expect: ok affected=1 insertId=1
INSERT INTO `newsletter_subscribers` (`id_subscriber`,`email`,`first_name`,`last_name`,`source`,`is_active`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'producer@example.test','Paul','Producer','FILM_CANDIDACY',1,'2026-03-01 10:44:00','2026-03-01 10:44:00');
-- expect: ok affected=0
COMMIT;

-- @ 105 NewsletterSubscriber.findOrCreate (found) + save
-- expect: ok affected=0
START TRANSACTION;
-- expect: ok rows=1
SELECT `id_subscriber`, `email`, `first_name`, `last_name`, `source`, `is_active`, `createdAt`, `updatedAt` FROM `newsletter_subscribers` AS `NewsletterSubscriber` WHERE `NewsletterSubscriber`.`email` = 'producer@example.test';
-- expect: ok affected=0
COMMIT;
-- expect: ok affected=1
UPDATE `newsletter_subscribers` SET `is_active`=0,`source`='PUBLIC',`updatedAt`='2026-03-01 10:45:00' WHERE `id_subscriber` = 1;
-- expect: ok rows=1
SELECT `id_subscriber`, `email`, `first_name`, `last_name`, `source`, `is_active`, `createdAt`, `updatedAt` FROM `newsletter_subscribers` AS `NewsletterSubscriber` WHERE `NewsletterSubscriber`.`id_subscriber` = 1;

-- @ 106 NewsletterSubscriber.create default source + read back
-- expect: ok affected=1 insertId=2
INSERT INTO `newsletter_subscribers` (`id_subscriber`,`email`,`source`,`is_active`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'public@example.test','PUBLIC',1,'2026-03-01 10:46:00','2026-03-01 10:46:00');
-- expect: ok rows=1
SELECT `id_subscriber`, `email`, `first_name`, `last_name`, `source`, `is_active`, `createdAt`, `updatedAt` FROM `newsletter_subscribers` AS `NewsletterSubscriber` WHERE `NewsletterSubscriber`.`id_subscriber` = 2;

-- @ 107 NewsletterSubscriber.create duplicate email (unique)
-- operation fails: SequelizeUniqueConstraintError ER_DUP_ENTRY
-- expect: error 1062 ER_DUP_ENTRY
INSERT INTO `newsletter_subscribers` (`id_subscriber`,`email`,`source`,`is_active`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'public@example.test','PUBLIC',1,'2026-03-01 10:47:00','2026-03-01 10:47:00');

-- @ 108 transaction rollback (register: User + Movie + collaborators)
-- expect: ok affected=0
START TRANSACTION;
-- expect: ok affected=1 insertId=7
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'T','Rollback','rollback@example.test','h','PRODUCER','2026-03-01 10:48:00','2026-03-01 10:48:00');
-- expect: ok affected=1 insertId=5
INSERT INTO `movies` (`id_movie`,`title`,`description`,`duration`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Rolled back','x',20,'submitted',7,'2026-03-01 10:48:00','2026-03-01 10:48:00');
-- expect: ok affected=0
SAVEPOINT `tx1-sp-1`;
-- expect: ok rows=1
SELECT `id_collaborator`, `first_name`, `last_name`, `email`, `job`, `createdAt`, `updatedAt` FROM `collaborators` AS `Collaborator` WHERE `Collaborator`.`email` = 'col1@example.test' LIMIT 1;
-- expect: ok rows=0
SELECT `createdAt`, `updatedAt`, `id_collaborator`, `id_movie` FROM `collaborators_movies` AS `collaborators_movies` WHERE `collaborators_movies`.`id_movie` = 5;
-- expect: ok affected=1 insertId=2
INSERT INTO `collaborators_movies` (`createdAt`,`updatedAt`,`id_collaborator`,`id_movie`) VALUES ('2026-03-01 10:48:00','2026-03-01 10:48:00',1,5);
-- expect: ok affected=0
ROLLBACK;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User` WHERE `User`.`email` = 'rollback@example.test';
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies` AS `Movie` WHERE `Movie`.`title` = 'Rolled back';

-- @ 109 transaction commit (register)
-- expect: ok affected=0
START TRANSACTION;
-- expect: ok affected=1 insertId=8
INSERT INTO `users` (`id_user`,`first_name`,`last_name`,`email`,`password`,`role`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'T','Commit','commit@example.test','h','PRODUCER','2026-03-01 10:49:00','2026-03-01 10:49:00');
-- expect: ok affected=1 insertId=6
INSERT INTO `movies` (`id_movie`,`title`,`description`,`duration`,`selection_status`,`id_user`,`createdAt`,`updatedAt`) VALUES (DEFAULT,'Committed','x',20,'submitted',8,'2026-03-01 10:49:00','2026-03-01 10:49:00');
-- expect: ok affected=0
COMMIT;
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 6;

-- @ 110 counts before deletes
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies` AS `Movie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies_juries` AS `MovieJury`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `vote_histories` AS `VoteHistory`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `awards` AS `Award`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `categories` AS `Categorie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `collaborators` AS `Collaborator`;

-- @ 111 deleteVote v1 (cascade vote_histories)
-- expect: ok affected=1
DELETE FROM `votes` WHERE `id_vote` = 1;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_vote` = 1;

-- @ 112 deleteVotesByMovie m2
-- expect: ok affected=1
DELETE FROM `votes` WHERE `id_movie` = 2;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `vote_histories` AS `VoteHistory` WHERE `VoteHistory`.`id_movie` = 2;

-- @ 113 movie.destroy m1 (cascade juries, votes, histories, awards, links)
-- expect: ok rows=1
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 1;
-- expect: ok affected=1
DELETE FROM `movies` WHERE `id_movie` = 1;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies` AS `Movie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies_juries` AS `MovieJury`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `vote_histories` AS `VoteHistory`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `awards` AS `Award`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `categories` AS `Categorie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `collaborators` AS `Collaborator`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies_categories` AS `movies_categories`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `collaborators_movies` AS `collaborators_movies`;

-- @ 114 User.destroy jury2 (nominator of m2: SET NULL; juries cascade)
-- expect: ok affected=1
DELETE FROM `users` WHERE `id_user` = 3;
-- expect: ok rows=1
SELECT `id_movie`, `assigned_jury_id`, `selection_status` FROM `movies` AS `Movie` WHERE `Movie`.`id_movie` = 2;
-- expect: ok rows=1
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` ORDER BY `MovieJury`.`id_movie_jury` ASC;

-- @ 115 Categorie.destroy (cascade movies_categories)
-- expect: ok rows=1
SELECT `id_categorie`, `name`, `createdAt`, `updatedAt` FROM `categories` AS `Categorie` WHERE `Categorie`.`id_categorie` = 2;
-- expect: ok affected=1
DELETE FROM `categories` WHERE `id_categorie` = 2;
-- expect: ok rows=1
SELECT `id_categorie`, `name`, `createdAt`, `updatedAt` FROM `categories` AS `Categorie`;

-- @ 116 User.destroy producer (cascade movies)
-- expect: ok affected=1
DELETE FROM `users` WHERE `id_user` = 5;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `users` AS `User`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies` AS `Movie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `movies_juries` AS `MovieJury`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `votes` AS `Vote`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `vote_histories` AS `VoteHistory`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `awards` AS `Award`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `categories` AS `Categorie`;
-- expect: ok rows=1
SELECT count(*) AS `count` FROM `collaborators` AS `Collaborator`;

-- @ 117 final state: every model findAll
-- expect: ok rows=0
SELECT `id_award`, `id_movie`, `award_name`, `createdAt`, `updatedAt` FROM `awards` AS `Award` ORDER BY `Award`.`id_award` ASC;
-- expect: ok rows=1
SELECT `id_categorie`, `name`, `createdAt`, `updatedAt` FROM `categories` AS `Categorie` ORDER BY `Categorie`.`id_categorie` ASC;
-- expect: ok rows=1
SELECT `id_collaborator`, `first_name`, `last_name`, `email`, `job`, `createdAt`, `updatedAt` FROM `collaborators` AS `Collaborator` ORDER BY `Collaborator`.`id_collaborator` ASC;
-- expect: error 1054 ER_BAD_FIELD_ERROR
SELECT `id_event`, `name`, `description`, `start_date`, `end_date`, `location`, `event_type`, `createdAt`, `updatedAt` FROM `events` AS `Event` ORDER BY `Event`.`id_event` ASC;
-- expect: ok rows=2
SELECT `id_movie`, `title`, `description`, `duration`, `main_language`, `release_year`, `nationality`, `display_picture`, `picture1`, `picture2`, `picture3`, `trailer`, `youtube_link`, `production`, `workshop`, `translation`, `synopsis`, `synopsis_anglais`, `subtitle`, `ai_tool`, `thumbnail`, `admin_comment`, `jury_comment`, `assigned_jury_id`, `selection_status`, `youtube_status`, `youtube_movie_id`, `id_user`, `createdAt`, `updatedAt` FROM `movies` AS `Movie` ORDER BY `Movie`.`id_movie` ASC;
-- expect: ok rows=0
SELECT `id_movie_jury`, `id_movie`, `id_user`, `createdAt`, `updatedAt` FROM `movies_juries` AS `MovieJury` ORDER BY `MovieJury`.`id_movie_jury` ASC;
-- expect: ok rows=2
SELECT `id_subscriber`, `email`, `first_name`, `last_name`, `source`, `is_active`, `createdAt`, `updatedAt` FROM `newsletter_subscribers` AS `NewsletterSubscriber` ORDER BY `NewsletterSubscriber`.`id_subscriber` ASC;
-- expect: ok rows=0
SELECT `id_reservation`, `id_event`, `first_name`, `last_name`, `email`, `number_seats`, `reservation_date`, `createdAt`, `updatedAt` FROM `reservations` AS `Reservation` ORDER BY `Reservation`.`id_reservation` ASC;
-- expect: ok rows=0
SELECT `id_sponsor`, `name`, `logo`, `url`, `category`, `createdAt`, `updatedAt` FROM `sponsors` AS `Sponsor` ORDER BY `Sponsor`.`id_sponsor` ASC;
-- expect: ok rows=4
SELECT `id_user`, `first_name`, `last_name`, `email`, `password`, `phone`, `mobile`, `birth_date`, `street`, `postal_code`, `city`, `country`, `biography`, `job`, `portfolio`, `youtube`, `instagram`, `linkedin`, `facebook`, `tiktok`, `known_by_mars_ai`, `role`, `createdAt`, `updatedAt` FROM `users` AS `User` ORDER BY `User`.`id_user` ASC;
-- expect: ok rows=0
SELECT `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `modification_count`, `decision`, `createdAt`, `updatedAt` FROM `votes` AS `Vote` ORDER BY `Vote`.`id_vote` ASC;
-- expect: ok rows=0
SELECT `id_vote_history`, `id_vote`, `id_user`, `id_movie`, `note`, `comments`, `createdAt`, `updatedAt` FROM `vote_histories` AS `VoteHistory` ORDER BY `VoteHistory`.`id_vote_history` ASC;
