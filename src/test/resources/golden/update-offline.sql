--  *********************************************************************
--  Update Database Script
--  *********************************************************************
--  Change Log: org/marsai/schema/changelogs/marsai-changelog.yaml
--  Ran at: (time of the run)
--  Against: an empty MySQL 8.0 or MariaDB 10.11 database
--  Liquibase version: 4.33.0
--  *********************************************************************

--  Liquibase's history table, which the history rows below are written to
CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL, `DESCRIPTION` VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL, LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL, CONSTRAINT PK_DATABASECHANGELOG PRIMARY KEY (ID, AUTHOR, FILENAME));

--  Changeset marsai-schema/20260128100000-create-users.yaml::20260128100000-create-users::marsai
-- Migration 20260128100000-create-users, changeset 20260128100000-create-users
--  Create table users.
CREATE TABLE users (id_user INT AUTO_INCREMENT NOT NULL, first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL, email VARCHAR(255) NOT NULL, password VARCHAR(255) NOT NULL, phone VARCHAR(20) NULL, mobile VARCHAR(20) NULL, birth_date datetime NULL, street VARCHAR(50) NULL, postal_code VARCHAR(10) NULL, city VARCHAR(50) NULL, country VARCHAR(50) NULL, biography VARCHAR(255) NULL, job ENUM('ACTOR', 'DIRECTOR', 'PRODUCER', 'WRITER', 'OTHER') NULL, portfolio VARCHAR(50) NULL, youtube VARCHAR(50) NULL, instagram VARCHAR(50) NULL, linkedin VARCHAR(50) NULL, facebook VARCHAR(50) NULL, tiktok VARCHAR(50) NULL, known_by_mars_ai ENUM('Par un ami', 'Vu une publicité du festival', 'Via le site internet ou application de l''IA') NULL, `role` ENUM('ADMIN', 'JURY', 'PRODUCER') DEFAULT 'PRODUCER' NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_USERS PRIMARY KEY (id_user), CONSTRAINT email UNIQUE (email));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100000-create-users', 'marsai', 'marsai-schema/20260128100000-create-users.yaml', NOW(), 1, '9:9bb1d0e2e10115bc239a75e2abcfd8f1', 'createTable tableName=users', 'Create table users.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100001-create-categories.yaml::20260128100001-create-categories::marsai
-- Migration 20260128100001-create-categories, changeset 20260128100001-create-categories
--  Create table categories.
CREATE TABLE categories (id_categorie INT AUTO_INCREMENT NOT NULL, name VARCHAR(255) NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_CATEGORIES PRIMARY KEY (id_categorie));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100001-create-categories', 'marsai', 'marsai-schema/20260128100001-create-categories.yaml', NOW(), 2, '9:fd7354b93cce4eb78d373346ddd7f478', 'createTable tableName=categories', 'Create table categories.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100002-create-collaborators.yaml::20260128100002-create-collaborators::marsai
-- Migration 20260128100002-create-collaborators, changeset 20260128100002-create-collaborators
--  Create table collaborators.
CREATE TABLE collaborators (id_collaborator INT AUTO_INCREMENT NOT NULL, first_name VARCHAR(150) NOT NULL, last_name VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, job VARCHAR(100) NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_COLLABORATORS PRIMARY KEY (id_collaborator), CONSTRAINT email UNIQUE (email));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100002-create-collaborators', 'marsai', 'marsai-schema/20260128100002-create-collaborators.yaml', NOW(), 3, '9:d3016e38c50cd24964e404b78752cf3f', 'createTable tableName=collaborators', 'Create table collaborators.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100003-create-events.yaml::20260128100003-create-events::marsai
-- Migration 20260128100003-create-events, changeset 20260128100003-create-events
--  Create table events.
CREATE TABLE events (id_event INT AUTO_INCREMENT NOT NULL, name VARCHAR(100) NOT NULL, `description` VARCHAR(255) NULL, date datetime NOT NULL, location VARCHAR(255) NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_EVENTS PRIMARY KEY (id_event));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100003-create-events', 'marsai', 'marsai-schema/20260128100003-create-events.yaml', NOW(), 4, '9:8c5e75f7264801d7d376bb44221a5154', 'createTable tableName=events', 'Create table events.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100004-create-movies.yaml::20260128100004-create-movies::marsai
-- Migration 20260128100004-create-movies, changeset 20260128100004-create-movies
--  Create table movies.
CREATE TABLE movies (id_movie INT AUTO_INCREMENT NOT NULL, title VARCHAR(255) NOT NULL, `description` TEXT NULL, duration INT NOT NULL, main_language VARCHAR(20) NULL, release_year INT NULL, nationality VARCHAR(255) NULL, display_picture VARCHAR(255) NULL, picture1 VARCHAR(255) NULL, picture2 VARCHAR(255) NULL, picture3 VARCHAR(255) NULL, trailer VARCHAR(255) NULL, youtube_link VARCHAR(255) NULL, production VARCHAR(255) NULL, workshop VARCHAR(255) NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_MOVIES PRIMARY KEY (id_movie));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100004-create-movies', 'marsai', 'marsai-schema/20260128100004-create-movies.yaml', NOW(), 5, '9:cc8dc3fa0ba162dabe9ff106f7de299f', 'createTable tableName=movies', 'Create table movies.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100005-create-awards.yaml::20260128100005-create-awards::marsai
-- Migration 20260128100005-create-awards, changeset 20260128100005-create-awards
--  Create table awards.
CREATE TABLE awards (id_award INT AUTO_INCREMENT NOT NULL, id_movie INT NOT NULL, award_name VARCHAR(100) NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_AWARDS PRIMARY KEY (id_award));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100005-create-awards', 'marsai', 'marsai-schema/20260128100005-create-awards.yaml', NOW(), 6, '9:7eeda3d133cca6f4e4a675b9d6378511', 'createTable tableName=awards', 'Create table awards.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100005-create-awards.yaml::20260128100005-create-awards-index-id_movie::marsai
-- Migration 20260128100005-create-awards, changeset 20260128100005-create-awards-index-id_movie
--  Index awards.id_movie, named as the original migration's implicit foreign-key index.
CREATE INDEX id_movie ON awards(id_movie);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100005-create-awards-index-id_movie', 'marsai', 'marsai-schema/20260128100005-create-awards.yaml', NOW(), 7, '9:f42c0e3da508e445014bc05f3e6cc9cb', 'createIndex indexName=id_movie, tableName=awards', 'Index awards.id_movie, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100005-create-awards.yaml::20260128100005-create-awards-fk-awards_ibfk_1::marsai
-- Migration 20260128100005-create-awards, changeset 20260128100005-create-awards-fk-awards_ibfk_1
--  Foreign key awards.id_movie -> movies.id_movie.
ALTER TABLE awards ADD CONSTRAINT awards_ibfk_1 FOREIGN KEY (id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100005-create-awards-fk-awards_ibfk_1', 'marsai', 'marsai-schema/20260128100005-create-awards.yaml', NOW(), 8, '9:45efe5008c53edc2269d2bb91680115f', 'addForeignKeyConstraint baseTableName=awards, constraintName=awards_ibfk_1, referencedTableName=movies', 'Foreign key awards.id_movie -> movies.id_movie.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100006-create-votes.yaml::20260128100006-create-votes::marsai
-- Migration 20260128100006-create-votes, changeset 20260128100006-create-votes
--  Create table votes.
CREATE TABLE votes (id_vote INT AUTO_INCREMENT NOT NULL, id_movie INT NOT NULL, id_user INT NOT NULL, note ENUM('YES', 'NO', 'TO DISCUSS') NOT NULL, comments TEXT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_VOTES PRIMARY KEY (id_vote));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100006-create-votes', 'marsai', 'marsai-schema/20260128100006-create-votes.yaml', NOW(), 9, '9:ea2668fda1e2eb39cf63d61c5ca411c0', 'createTable tableName=votes', 'Create table votes.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100006-create-votes.yaml::20260128100006-create-votes-index-id_movie::marsai
-- Migration 20260128100006-create-votes, changeset 20260128100006-create-votes-index-id_movie
--  Index votes.id_movie, named as the original migration's implicit foreign-key index.
CREATE INDEX id_movie ON votes(id_movie);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100006-create-votes-index-id_movie', 'marsai', 'marsai-schema/20260128100006-create-votes.yaml', NOW(), 10, '9:a647ae047e6f828b9a88903ddce8339b', 'createIndex indexName=id_movie, tableName=votes', 'Index votes.id_movie, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100006-create-votes.yaml::20260128100006-create-votes-fk-votes_ibfk_1::marsai
-- Migration 20260128100006-create-votes, changeset 20260128100006-create-votes-fk-votes_ibfk_1
--  Foreign key votes.id_movie -> movies.id_movie.
ALTER TABLE votes ADD CONSTRAINT votes_ibfk_1 FOREIGN KEY (id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100006-create-votes-fk-votes_ibfk_1', 'marsai', 'marsai-schema/20260128100006-create-votes.yaml', NOW(), 11, '9:c438506f48b533d3be87195a5f16d3fb', 'addForeignKeyConstraint baseTableName=votes, constraintName=votes_ibfk_1, referencedTableName=movies', 'Foreign key votes.id_movie -> movies.id_movie.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100006-create-votes.yaml::20260128100006-create-votes-index-id_user::marsai
-- Migration 20260128100006-create-votes, changeset 20260128100006-create-votes-index-id_user
--  Index votes.id_user, named as the original migration's implicit foreign-key index.
CREATE INDEX id_user ON votes(id_user);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100006-create-votes-index-id_user', 'marsai', 'marsai-schema/20260128100006-create-votes.yaml', NOW(), 12, '9:827f3463b54dacf626827d9239a9bf99', 'createIndex indexName=id_user, tableName=votes', 'Index votes.id_user, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100006-create-votes.yaml::20260128100006-create-votes-fk-votes_ibfk_2::marsai
-- Migration 20260128100006-create-votes, changeset 20260128100006-create-votes-fk-votes_ibfk_2
--  Foreign key votes.id_user -> users.id_user.
ALTER TABLE votes ADD CONSTRAINT votes_ibfk_2 FOREIGN KEY (id_user) REFERENCES users (id_user) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100006-create-votes-fk-votes_ibfk_2', 'marsai', 'marsai-schema/20260128100006-create-votes.yaml', NOW(), 13, '9:ae62bcd45d724a31e5891891825ed3a7', 'addForeignKeyConstraint baseTableName=votes, constraintName=votes_ibfk_2, referencedTableName=users', 'Foreign key votes.id_user -> users.id_user.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100008-create-reservations.yaml::20260128100008-create-reservations::marsai
-- Migration 20260128100008-create-reservations, changeset 20260128100008-create-reservations
--  Create table reservations (the original project has no migration 20260128100007).
CREATE TABLE reservations (id_reservation INT AUTO_INCREMENT NOT NULL, id_event INT NOT NULL, first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL, email VARCHAR(255) NOT NULL, number_seats INT NOT NULL, reservation_date datetime DEFAULT NOW() NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_RESERVATIONS PRIMARY KEY (id_reservation));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100008-create-reservations', 'marsai', 'marsai-schema/20260128100008-create-reservations.yaml', NOW(), 14, '9:72ded442a64492bcec83b03ac9ad670c', 'createTable tableName=reservations', 'Create table reservations (the original project has no migration 20260128100007).', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100008-create-reservations.yaml::20260128100008-create-reservations-index-id_event::marsai
-- Migration 20260128100008-create-reservations, changeset 20260128100008-create-reservations-index-id_event
--  Index reservations.id_event, named as the original migration's implicit foreign-key index.
CREATE INDEX id_event ON reservations(id_event);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100008-create-reservations-index-id_event', 'marsai', 'marsai-schema/20260128100008-create-reservations.yaml', NOW(), 15, '9:828b4e010474df69802ab3f896f02106', 'createIndex indexName=id_event, tableName=reservations', 'Index reservations.id_event, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100008-create-reservations.yaml::20260128100008-create-reservations-fk-reservations_ibfk_1::marsai
-- Migration 20260128100008-create-reservations, changeset 20260128100008-create-reservations-fk-reservations_ibfk_1
--  Foreign key reservations.id_event -> events.id_event.
ALTER TABLE reservations ADD CONSTRAINT reservations_ibfk_1 FOREIGN KEY (id_event) REFERENCES events (id_event) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100008-create-reservations-fk-reservations_ibfk_1', 'marsai', 'marsai-schema/20260128100008-create-reservations.yaml', NOW(), 16, '9:fb4be154fcfe9aee34403a5cde23493a', 'addForeignKeyConstraint baseTableName=reservations, constraintName=reservations_ibfk_1, referencedTableName=events', 'Foreign key reservations.id_event -> events.id_event.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100009-create-movies-categories.yaml::20260128100009-create-movies-categories::marsai
-- Migration 20260128100009-create-movies-categories, changeset 20260128100009-create-movies-categories
--  Create join table movies_categories.
CREATE TABLE movies_categories (id_movie_categorie INT AUTO_INCREMENT NOT NULL, id_movie INT NOT NULL, id_categorie INT NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_MOVIES_CATEGORIES PRIMARY KEY (id_movie_categorie));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100009-create-movies-categories', 'marsai', 'marsai-schema/20260128100009-create-movies-categories.yaml', NOW(), 17, '9:403a6f9fdee1eacbf91108af9e49af5a', 'createTable tableName=movies_categories', 'Create join table movies_categories.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100009-create-movies-categories.yaml::20260128100009-create-movies-categories-index-id_movie::marsai
-- Migration 20260128100009-create-movies-categories, changeset 20260128100009-create-movies-categories-index-id_movie
--  Index movies_categories.id_movie, named as the original migration's implicit foreign-key index.
CREATE INDEX id_movie ON movies_categories(id_movie);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100009-create-movies-categories-index-id_movie', 'marsai', 'marsai-schema/20260128100009-create-movies-categories.yaml', NOW(), 18, '9:8508736ffe0f2ca17148982ace536d1d', 'createIndex indexName=id_movie, tableName=movies_categories', 'Index movies_categories.id_movie, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100009-create-movies-categories.yaml::20260128100009-create-movies-categories-fk-movies_categories_ibfk_1::marsai
-- Migration 20260128100009-create-movies-categories, changeset 20260128100009-create-movies-categories-fk-movies_categories_ibfk_1
--  Foreign key movies_categories.id_movie -> movies.id_movie.
ALTER TABLE movies_categories ADD CONSTRAINT movies_categories_ibfk_1 FOREIGN KEY (id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100009-create-movies-categories-fk-movies_categories_ibfk_1', 'marsai', 'marsai-schema/20260128100009-create-movies-categories.yaml', NOW(), 19, '9:0bb8d76809c4e343d41f33b49600829a', 'addForeignKeyConstraint baseTableName=movies_categories, constraintName=movies_categories_ibfk_1, referencedTableName=movies', 'Foreign key movies_categories.id_movie -> movies.id_movie.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100009-create-movies-categories.yaml::20260128100009-create-movies-categories-index-id_categorie::marsai
-- Migration 20260128100009-create-movies-categories, changeset 20260128100009-create-movies-categories-index-id_categorie
--  Index movies_categories.id_categorie, named as the original migration's implicit foreign-key index.
CREATE INDEX id_categorie ON movies_categories(id_categorie);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100009-create-movies-categories-index-id_categorie', 'marsai', 'marsai-schema/20260128100009-create-movies-categories.yaml', NOW(), 20, '9:8be776e0c9568bd7b850e2e84aa6a581', 'createIndex indexName=id_categorie, tableName=movies_categories', 'Index movies_categories.id_categorie, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100009-create-movies-categories.yaml::20260128100009-create-movies-categories-fk-movies_categories_ibfk_2::marsai
-- Migration 20260128100009-create-movies-categories, changeset 20260128100009-create-movies-categories-fk-movies_categories_ibfk_2
--  Foreign key movies_categories.id_categorie -> categories.id_categorie.
ALTER TABLE movies_categories ADD CONSTRAINT movies_categories_ibfk_2 FOREIGN KEY (id_categorie) REFERENCES categories (id_categorie) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100009-create-movies-categories-fk-movies_categories_ibfk_2', 'marsai', 'marsai-schema/20260128100009-create-movies-categories.yaml', NOW(), 21, '9:a06bccaf39531626247e15da40017ab7', 'addForeignKeyConstraint baseTableName=movies_categories, constraintName=movies_categories_ibfk_2, referencedTableName=categories', 'Foreign key movies_categories.id_categorie -> categories.id_categorie.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100010-create-collaborators-movies.yaml::20260128100010-create-collaborators-movies::marsai
-- Migration 20260128100010-create-collaborators-movies, changeset 20260128100010-create-collaborators-movies
--  Create join table collaborators_movies.
CREATE TABLE collaborators_movies (id_collaborator_movie INT AUTO_INCREMENT NOT NULL, id_collaborator INT NOT NULL, id_movie INT NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_COLLABORATORS_MOVIES PRIMARY KEY (id_collaborator_movie));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100010-create-collaborators-movies', 'marsai', 'marsai-schema/20260128100010-create-collaborators-movies.yaml', NOW(), 22, '9:04574d76a1fc93c52879ede2805f3856', 'createTable tableName=collaborators_movies', 'Create join table collaborators_movies.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100010-create-collaborators-movies.yaml::20260128100010-create-collaborators-movies-index-id_collaborator::marsai
-- Migration 20260128100010-create-collaborators-movies, changeset 20260128100010-create-collaborators-movies-index-id_collaborator
--  Index collaborators_movies.id_collaborator, named as the original migration's implicit foreign-key index.
CREATE INDEX id_collaborator ON collaborators_movies(id_collaborator);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100010-create-collaborators-movies-index-id_collaborator', 'marsai', 'marsai-schema/20260128100010-create-collaborators-movies.yaml', NOW(), 23, '9:3cfa35ab78a5191aafb9d15424867909', 'createIndex indexName=id_collaborator, tableName=collaborators_movies', 'Index collaborators_movies.id_collaborator, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100010-create-collaborators-movies.yaml::20260128100010-create-collaborators-movies-fk-collaborators_movies_ibfk_1::marsai
-- Migration 20260128100010-create-collaborators-movies, changeset 20260128100010-create-collaborators-movies-fk-collaborators_movies_ibfk_1
--  Foreign key collaborators_movies.id_collaborator -> collaborators.id_collaborator.
ALTER TABLE collaborators_movies ADD CONSTRAINT collaborators_movies_ibfk_1 FOREIGN KEY (id_collaborator) REFERENCES collaborators (id_collaborator) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100010-create-collaborators-movies-fk-collaborators_movies_ibfk_1', 'marsai', 'marsai-schema/20260128100010-create-collaborators-movies.yaml', NOW(), 24, '9:c501712727beab8dc0cb6fc09e832bb1', 'addForeignKeyConstraint baseTableName=collaborators_movies, constraintName=collaborators_movies_ibfk_1, referencedTableName=collaborators', 'Foreign key collaborators_movies.id_collaborator -> collaborators.id_collaborator.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100010-create-collaborators-movies.yaml::20260128100010-create-collaborators-movies-index-id_movie::marsai
-- Migration 20260128100010-create-collaborators-movies, changeset 20260128100010-create-collaborators-movies-index-id_movie
--  Index collaborators_movies.id_movie, named as the original migration's implicit foreign-key index.
CREATE INDEX id_movie ON collaborators_movies(id_movie);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100010-create-collaborators-movies-index-id_movie', 'marsai', 'marsai-schema/20260128100010-create-collaborators-movies.yaml', NOW(), 25, '9:cd944986c3aefe92d982f9093b2f9ab9', 'createIndex indexName=id_movie, tableName=collaborators_movies', 'Index collaborators_movies.id_movie, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128100010-create-collaborators-movies.yaml::20260128100010-create-collaborators-movies-fk-collaborators_movies_ibfk_2::marsai
-- Migration 20260128100010-create-collaborators-movies, changeset 20260128100010-create-collaborators-movies-fk-collaborators_movies_ibfk_2
--  Foreign key collaborators_movies.id_movie -> movies.id_movie.
ALTER TABLE collaborators_movies ADD CONSTRAINT collaborators_movies_ibfk_2 FOREIGN KEY (id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128100010-create-collaborators-movies-fk-collaborators_movies_ibfk_2', 'marsai', 'marsai-schema/20260128100010-create-collaborators-movies.yaml', NOW(), 26, '9:2faae4e3ab26f9a98978950cb00c66de', 'addForeignKeyConstraint baseTableName=collaborators_movies, constraintName=collaborators_movies_ibfk_2, referencedTableName=movies', 'Foreign key collaborators_movies.id_movie -> movies.id_movie.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128144807-alter-movies.yaml::20260128144807-alter-movies::marsai
-- Migration 20260128144807-alter-movies, changeset 20260128144807-alter-movies
-- WRITES: sets movies.selection_status to 'submitted' in every existing row.
-- WRITES: sets movies.id_user to 0 in every existing row.
--  Add the submission columns and the owning user to movies (one ALTER TABLE).
ALTER TABLE movies ADD translation VARCHAR(255) NULL, ADD synopsis TEXT NULL, ADD synopsis_anglais TEXT NULL, ADD subtitle VARCHAR(255) NULL, ADD ai_tool VARCHAR(255) NULL, ADD thumbnail VARCHAR(255) NULL, ADD selection_status ENUM('submitted', 'refused', 'to_discuss', 'selected', 'finalist') DEFAULT 'submitted' NOT NULL, ADD id_user INT NOT NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128144807-alter-movies', 'marsai', 'marsai-schema/20260128144807-alter-movies.yaml', NOW(), 27, '9:bd0cfe1ffe919d722c14596575cd0ebc', 'addColumn tableName=movies', 'Add the submission columns and the owning user to movies (one ALTER TABLE).', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128144807-alter-movies.yaml::20260128144807-alter-movies-index-movies_id_user_foreign_idx::marsai
-- Migration 20260128144807-alter-movies, changeset 20260128144807-alter-movies-index-movies_id_user_foreign_idx
--  Index movies.id_user, named as the original migration's foreign key.
CREATE INDEX movies_id_user_foreign_idx ON movies(id_user);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128144807-alter-movies-index-movies_id_user_foreign_idx', 'marsai', 'marsai-schema/20260128144807-alter-movies.yaml', NOW(), 28, '9:4bb46133e3cafca7e0810be20c8bf1d1', 'createIndex indexName=movies_id_user_foreign_idx, tableName=movies', 'Index movies.id_user, named as the original migration''s foreign key.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260128144807-alter-movies.yaml::20260128144807-alter-movies-fk-movies_id_user_foreign_idx::marsai
-- Migration 20260128144807-alter-movies, changeset 20260128144807-alter-movies-fk-movies_id_user_foreign_idx
--  Foreign key movies.id_user -> users.id_user.
ALTER TABLE movies ADD CONSTRAINT movies_id_user_foreign_idx FOREIGN KEY (id_user) REFERENCES users (id_user) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260128144807-alter-movies-fk-movies_id_user_foreign_idx', 'marsai', 'marsai-schema/20260128144807-alter-movies.yaml', NOW(), 29, '9:ee4f2f33016c8708aa77c9c2930b76e7', 'addForeignKeyConstraint baseTableName=movies, constraintName=movies_id_user_foreign_idx, referencedTableName=users', 'Foreign key movies.id_user -> users.id_user.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205100000-add-assigned-jury-to-movies.yaml::20260205100000-add-assigned-jury-to-movies::marsai
-- Migration 20260205100000-add-assigned-jury-to-movies, changeset 20260205100000-add-assigned-jury-to-movies
--  Add movies.assigned_jury_id.
ALTER TABLE movies ADD assigned_jury_id INT NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205100000-add-assigned-jury-to-movies', 'marsai', 'marsai-schema/20260205100000-add-assigned-jury-to-movies.yaml', NOW(), 30, '9:06b287719b3c97eb990a6d53a62dcbb1', 'addColumn tableName=movies', 'Add movies.assigned_jury_id.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205100000-add-assigned-jury-to-movies.yaml::20260205100000-add-assigned-jury-to-movies-index-movies_assigned_jury_id_foreign_idx::marsai
-- Migration 20260205100000-add-assigned-jury-to-movies, changeset 20260205100000-add-assigned-jury-to-movies-index-movies_assigned_jury_id_foreign_idx
--  Index movies.assigned_jury_id, named as the original migration's foreign key.
CREATE INDEX movies_assigned_jury_id_foreign_idx ON movies(assigned_jury_id);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205100000-add-assigned-jury-to-movies-index-movies_assigned_jury_id_foreign_idx', 'marsai', 'marsai-schema/20260205100000-add-assigned-jury-to-movies.yaml', NOW(), 31, '9:9587e9f82e95c485bdcb6e502e93c1b6', 'createIndex indexName=movies_assigned_jury_id_foreign_idx, tableName=movies', 'Index movies.assigned_jury_id, named as the original migration''s foreign key.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205100000-add-assigned-jury-to-movies.yaml::20260205100000-add-assigned-jury-to-movies-fk-movies_assigned_jury_id_foreign_idx::marsai
-- Migration 20260205100000-add-assigned-jury-to-movies, changeset 20260205100000-add-assigned-jury-to-movies-fk-movies_assigned_jury_id_foreign_idx
--  Foreign key movies.assigned_jury_id -> users.id_user; deleting the jury member clears the assignment.
ALTER TABLE movies ADD CONSTRAINT movies_assigned_jury_id_foreign_idx FOREIGN KEY (assigned_jury_id) REFERENCES users (id_user) ON UPDATE CASCADE ON DELETE SET NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205100000-add-assigned-jury-to-movies-fk-movies_assigned_jury_id_foreign_idx', 'marsai', 'marsai-schema/20260205100000-add-assigned-jury-to-movies.yaml', NOW(), 32, '9:a9fee59afb27ae3649ed31560e5eef78', 'addForeignKeyConstraint baseTableName=movies, constraintName=movies_assigned_jury_id_foreign_idx, referencedTableName=users', 'Foreign key movies.assigned_jury_id -> users.id_user; deleting the jury member clears the assignment.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205131006-create-movies-juries.yaml::20260205131006-create-movies-juries::marsai
-- Migration 20260205131006-create-movies-juries, changeset 20260205131006-create-movies-juries
--  Create join table movies_juries, keyed by (id_movie, id_user).
CREATE TABLE movies_juries (id_movie INT NOT NULL, id_user INT NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_MOVIES_JURIES PRIMARY KEY (id_movie, id_user));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205131006-create-movies-juries', 'marsai', 'marsai-schema/20260205131006-create-movies-juries.yaml', NOW(), 33, '9:f482c2f4bf5ad8ac8b5a8f1217eaac1d', 'createTable tableName=movies_juries', 'Create join table movies_juries, keyed by (id_movie, id_user).', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205131006-create-movies-juries.yaml::20260205131006-create-movies-juries-fk-movies_juries_ibfk_1::marsai
-- Migration 20260205131006-create-movies-juries, changeset 20260205131006-create-movies-juries-fk-movies_juries_ibfk_1
--  Foreign key movies_juries.id_movie -> movies.id_movie (served by the primary key).
ALTER TABLE movies_juries ADD CONSTRAINT movies_juries_ibfk_1 FOREIGN KEY (id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205131006-create-movies-juries-fk-movies_juries_ibfk_1', 'marsai', 'marsai-schema/20260205131006-create-movies-juries.yaml', NOW(), 34, '9:1df29073e27e82c47f6cfc5a33c6436e', 'addForeignKeyConstraint baseTableName=movies_juries, constraintName=movies_juries_ibfk_1, referencedTableName=movies', 'Foreign key movies_juries.id_movie -> movies.id_movie (served by the primary key).', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205131006-create-movies-juries.yaml::20260205131006-create-movies-juries-index-id_user::marsai
-- Migration 20260205131006-create-movies-juries, changeset 20260205131006-create-movies-juries-index-id_user
--  Index movies_juries.id_user, named as the original migration's implicit foreign-key index.
CREATE INDEX id_user ON movies_juries(id_user);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205131006-create-movies-juries-index-id_user', 'marsai', 'marsai-schema/20260205131006-create-movies-juries.yaml', NOW(), 35, '9:7e9902e9eb7238f7d03314a55c8bd82a', 'createIndex indexName=id_user, tableName=movies_juries', 'Index movies_juries.id_user, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205131006-create-movies-juries.yaml::20260205131006-create-movies-juries-fk-movies_juries_ibfk_2::marsai
-- Migration 20260205131006-create-movies-juries, changeset 20260205131006-create-movies-juries-fk-movies_juries_ibfk_2
--  Foreign key movies_juries.id_user -> users.id_user.
ALTER TABLE movies_juries ADD CONSTRAINT movies_juries_ibfk_2 FOREIGN KEY (id_user) REFERENCES users (id_user) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205131006-create-movies-juries-fk-movies_juries_ibfk_2', 'marsai', 'marsai-schema/20260205131006-create-movies-juries.yaml', NOW(), 36, '9:d2df5faf5ec9bfd78af9e356cb8fbd82', 'addForeignKeyConstraint baseTableName=movies_juries, constraintName=movies_juries_ibfk_2, referencedTableName=users', 'Foreign key movies_juries.id_user -> users.id_user.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260210100000-alter-users-known-by-mars-ai.yaml::20260210100000-alter-users-known-by-mars-ai::marsai
-- Migration 20260210100000-alter-users-known-by-mars-ai, changeset 20260210100000-alter-users-known-by-mars-ai
--  Set users.known_by_mars_ai to the three answers of the festival form, NULL allowed. A database built by this changelog already has this definition.
ALTER TABLE users MODIFY known_by_mars_ai ENUM('Par un ami', 'Vu une publicité du festival', 'Via le site internet ou application de l''IA') NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260210100000-alter-users-known-by-mars-ai', 'marsai', 'marsai-schema/20260210100000-alter-users-known-by-mars-ai.yaml', NOW(), 37, '9:6b341811dcc6e27eaec03eba14d6a381', 'modifyDataType columnName=known_by_mars_ai, tableName=users', 'Set users.known_by_mars_ai to the three answers of the festival form, NULL allowed. A database built by this changelog already has this definition.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260212103000-drop-id-film-from-votes.yaml::20260212103000-drop-id-film-from-votes::marsai
-- Migration 20260212103000-drop-id-film-from-votes, changeset 20260212103000-drop-id-film-from-votes
--  Drop the legacy votes.id_film column where a database still has it; recorded as run either way.
INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260212103000-drop-id-film-from-votes', 'marsai', 'marsai-schema/20260212103000-drop-id-film-from-votes.yaml', NOW(), 38, '9:74193de36723c0caa8aab2f08843d6bb', 'dropColumn columnName=id_film, tableName=votes', 'Drop the legacy votes.id_film column where a database still has it; recorded as run either way.', 'MARK_RAN', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260212150000-add-vote-modification-tracking.yaml::20260212150000-add-vote-modification-tracking::marsai
-- Migration 20260212150000-add-vote-modification-tracking, changeset 20260212150000-add-vote-modification-tracking
-- WRITES: sets votes.modification_count to 0 in every existing row.
--  Add votes.modification_count unless a database already has it; recorded as run either way.
ALTER TABLE votes ADD modification_count INT DEFAULT 0 NOT NULL COMMENT 'Numero di volte che il voto è stato modificato';

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260212150000-add-vote-modification-tracking', 'marsai', 'marsai-schema/20260212150000-add-vote-modification-tracking.yaml', NOW(), 39, '9:9d7617b5df7b4c886139f63facb18882', 'addColumn tableName=votes', 'Add votes.modification_count unless a database already has it; recorded as run either way.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260214130000-add-admin-comment-to-movies.yaml::20260214130000-add-admin-comment-to-movies::marsai
-- Migration 20260214130000-add-admin-comment-to-movies, changeset 20260214130000-add-admin-comment-to-movies
--  Add movies.admin_comment.
ALTER TABLE movies ADD admin_comment TEXT NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260214130000-add-admin-comment-to-movies', 'marsai', 'marsai-schema/20260214130000-add-admin-comment-to-movies.yaml', NOW(), 40, '9:7d02a73cd1f712f0de3c817bff028011', 'addColumn tableName=movies', 'Add movies.admin_comment.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260216100000-create-vote-histories.yaml::20260216100000-create-vote-histories::marsai
-- Migration 20260216100000-create-vote-histories, changeset 20260216100000-create-vote-histories
--  Create table vote_histories unless a database already has it; recorded as run either way.
CREATE TABLE vote_histories (id_vote_history INT AUTO_INCREMENT NOT NULL, id_vote INT NOT NULL, id_user INT NOT NULL, id_movie INT NOT NULL, note FLOAT NOT NULL, comments TEXT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_VOTE_HISTORIES PRIMARY KEY (id_vote_history));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260216100000-create-vote-histories', 'marsai', 'marsai-schema/20260216100000-create-vote-histories.yaml', NOW(), 41, '9:af3115b548189e149233840a71fbe730', 'createTable tableName=vote_histories', 'Create table vote_histories unless a database already has it; recorded as run either way.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260216100000-create-vote-histories.yaml::20260216100000-create-vote-histories-index-id_vote::marsai
-- Migration 20260216100000-create-vote-histories, changeset 20260216100000-create-vote-histories-index-id_vote
--  Index vote_histories.id_vote unless present, named as the original migration's implicit foreign-key index.
CREATE INDEX id_vote ON vote_histories(id_vote);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260216100000-create-vote-histories-index-id_vote', 'marsai', 'marsai-schema/20260216100000-create-vote-histories.yaml', NOW(), 42, '9:11db0b43fd11b6237d5330cebc307d4c', 'createIndex indexName=id_vote, tableName=vote_histories', 'Index vote_histories.id_vote unless present, named as the original migration''s implicit foreign-key index.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260216100000-create-vote-histories.yaml::20260216100000-create-vote-histories-fk-vote_histories_ibfk_1::marsai
-- Migration 20260216100000-create-vote-histories, changeset 20260216100000-create-vote-histories-fk-vote_histories_ibfk_1
--  Foreign key vote_histories.id_vote -> votes.id_vote unless present.
ALTER TABLE vote_histories ADD CONSTRAINT vote_histories_ibfk_1 FOREIGN KEY (id_vote) REFERENCES votes (id_vote) ON UPDATE CASCADE ON DELETE CASCADE;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260216100000-create-vote-histories-fk-vote_histories_ibfk_1', 'marsai', 'marsai-schema/20260216100000-create-vote-histories.yaml', NOW(), 43, '9:cc18d13230c8c103a4eb729d3aadefa5', 'addForeignKeyConstraint baseTableName=vote_histories, constraintName=vote_histories_ibfk_1, referencedTableName=votes', 'Foreign key vote_histories.id_vote -> votes.id_vote unless present.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260216120000-alter-movies-selection-status.yaml::20260216120000-alter-movies-selection-status::marsai
-- Migration 20260216120000-alter-movies-selection-status, changeset 20260216120000-alter-movies-selection-status
--  Widen movies.selection_status to the eight statuses of the jury workflow.
ALTER TABLE movies MODIFY selection_status ENUM('submitted', 'assigned', 'to_discuss', 'candidate', 'awarded', 'refused', 'selected', 'finalist') NOT NULL DEFAULT 'submitted';

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260216120000-alter-movies-selection-status', 'marsai', 'marsai-schema/20260216120000-alter-movies-selection-status.yaml', NOW(), 44, '9:bdc472eed89a573cedbc69d6a13b574c', 'modifyDataType columnName=selection_status, tableName=movies', 'Widen movies.selection_status to the eight statuses of the jury workflow.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260216123000-add-jury-comment-to-movies.yaml::20260216123000-add-jury-comment-to-movies::marsai
-- Migration 20260216123000-add-jury-comment-to-movies, changeset 20260216123000-add-jury-comment-to-movies
--  Add movies.jury_comment after admin_comment unless a database already has it; recorded as run either way.
ALTER TABLE movies ADD jury_comment TEXT NULL AFTER admin_comment;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260216123000-add-jury-comment-to-movies', 'marsai', 'marsai-schema/20260216123000-add-jury-comment-to-movies.yaml', NOW(), 45, '9:9d799a6b3f43fb2160e9d776a3383b43', 'addColumn tableName=movies', 'Add movies.jury_comment after admin_comment unless a database already has it; recorded as run either way.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260219132833-add-fields-to-movies.yaml::20260219132833-add-fields-to-movies::marsai
-- Migration 20260219132833-add-fields-to-movies, changeset 20260219132833-add-fields-to-movies
--  Add movies.youtbe_status (misspelt as in the original; renamed by the next migration) and movies.youtube_movie_id.
ALTER TABLE movies ADD youtbe_status VARCHAR(255) NULL, ADD youtube_movie_id VARCHAR(255) NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260219132833-add-fields-to-movies', 'marsai', 'marsai-schema/20260219132833-add-fields-to-movies.yaml', NOW(), 46, '9:1b2f468bbf394f7bf79a4b1b8558a639', 'addColumn tableName=movies', 'Add movies.youtbe_status (misspelt as in the original; renamed by the next migration) and movies.youtube_movie_id.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260220123459-rename-youtbe-status-to-youtube-status.yaml::20260220123459-rename-youtbe-status-to-youtube-status::marsai
-- Migration 20260220123459-rename-youtbe-status-to-youtube-status, changeset 20260220123459-rename-youtbe-status-to-youtube-status
--  Rename movies.youtbe_status to youtube_status, keeping its definition and position.
ALTER TABLE movies CHANGE youtbe_status youtube_status VARCHAR(255);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260220123459-rename-youtbe-status-to-youtube-status', 'marsai', 'marsai-schema/20260220123459-rename-youtbe-status-to-youtube-status.yaml', NOW(), 47, '9:660a51d570a5fac0c61b5d9a6e7b6ced', 'renameColumn newColumnName=youtube_status, oldColumnName=youtbe_status, tableName=movies', 'Rename movies.youtbe_status to youtube_status, keeping its definition and position.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260302111532-create-sponsors.yaml::20260302111532-create-sponsors::marsai
-- Migration 20260302111532-create-sponsors, changeset 20260302111532-create-sponsors
--  Create table sponsors (its timestamps have no default, as in the original).
CREATE TABLE sponsors (id_sponsor INT AUTO_INCREMENT NOT NULL, name VARCHAR(255) NOT NULL, logo VARCHAR(255) NOT NULL, url VARCHAR(255) NULL, category VARCHAR(100) NULL, createdAt datetime NOT NULL, updatedAt datetime NOT NULL, CONSTRAINT PK_SPONSORS PRIMARY KEY (id_sponsor));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260302111532-create-sponsors', 'marsai', 'marsai-schema/20260302111532-create-sponsors.yaml', NOW(), 48, '9:d51031e72b4b0960ab6ea67337cfd24b', 'createTable tableName=sponsors', 'Create table sponsors (its timestamps have no default, as in the original).', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260302171000-create-newsletter-subscribers.yaml::20260302171000-create-newsletter-subscribers::marsai
-- Migration 20260302171000-create-newsletter-subscribers, changeset 20260302171000-create-newsletter-subscribers
--  Create table newsletter_subscribers.
CREATE TABLE newsletter_subscribers (id_subscriber INT AUTO_INCREMENT NOT NULL, email VARCHAR(255) NOT NULL, first_name VARCHAR(100) NULL, last_name VARCHAR(100) NULL, source ENUM('PUBLIC', 'FILM_CANDIDACY') DEFAULT 'PUBLIC' NOT NULL, is_active TINYINT(1) DEFAULT 1 NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL, updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_NEWSLETTER_SUBSCRIBERS PRIMARY KEY (id_subscriber), CONSTRAINT email UNIQUE (email));

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260302171000-create-newsletter-subscribers', 'marsai', 'marsai-schema/20260302171000-create-newsletter-subscribers.yaml', NOW(), 49, '9:eb3b23dc6b7794039007b1f3ef68b5a1', 'createTable tableName=newsletter_subscribers', 'Create table newsletter_subscribers.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260205131006-movies-juries-upstream-layout.yaml::20260205131006-movies-juries-upstream-layout::marsai
-- Migration 20260205131006-movies-juries-upstream-layout, changeset 20260205131006-movies-juries-upstream-layout
-- WRITES: numbers the existing rows of movies_juries in id_movie_jury (1, 2, 3…).
--  Release 1.1: give movies_juries the layout of the Node project's own 20260205131006-create-movies-juries (id_movie_jury first, as the primary key; unique_movies_jury on (id_movie, id_user)) unless a database already has it; existing rows keep their pair and get ids. Recorded as run either way.
ALTER TABLE movies_juries ADD COLUMN id_movie_jury INT NOT NULL AUTO_INCREMENT FIRST, DROP PRIMARY KEY, ADD PRIMARY KEY (id_movie_jury), ADD UNIQUE KEY unique_movies_jury (id_movie, id_user);

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260205131006-movies-juries-upstream-layout', 'marsai', 'marsai-schema/20260205131006-movies-juries-upstream-layout.yaml', NOW(), 50, '9:9f7cfa3aa2efd80c6509483f37089ae5', 'sql', 'Release 1.1: give movies_juries the layout of the Node project''s own 20260205131006-create-movies-juries (id_movie_jury first, as the primary key; unique_movies_jury on (id_movie, id_user)) unless a database already has it; existing rows keep thei...', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260226130000-alter-vote-histories.yaml::20260226130000-alter-vote-histories::marsai
-- Migration 20260226130000-alter-vote-histories, changeset 20260226130000-alter-vote-histories
-- DESTROYS DATA: drops column vote_histories.note (rows holding 0, what adding it back writes, lose nothing).
--  Release 1.1: drop the FLOAT vote_histories.note, as the Node project does before adding it back as an ENUM. A note other than 0 would be lost, so an update refuses where one exists unless data loss is allowed.
ALTER TABLE vote_histories DROP COLUMN note;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260226130000-alter-vote-histories', 'marsai', 'marsai-schema/20260226130000-alter-vote-histories.yaml', NOW(), 51, '9:87241ff60c89ab3b3018f5d29777a6eb', 'dropColumn columnName=note, tableName=vote_histories', 'Release 1.1: drop the FLOAT vote_histories.note, as the Node project does before adding it back as an ENUM. A note other than 0 would be lost, so an update refuses where one exists unless data loss is allowed.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260226130000-alter-vote-histories.yaml::20260226130000-alter-vote-histories-add-note::marsai
-- Migration 20260226130000-alter-vote-histories, changeset 20260226130000-alter-vote-histories-add-note
-- WRITES: sets vote_histories.note to 'NO' in every existing row.
--  Release 1.1: vote_histories.note as ENUM('YES','NO','TO DISCUSS') NOT NULL DEFAULT 'NO' after id_movie, as votes.note; every existing row gets 'NO'.
ALTER TABLE vote_histories ADD note ENUM('YES', 'NO', 'TO DISCUSS') DEFAULT 'NO' NOT NULL AFTER id_movie;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260226130000-alter-vote-histories-add-note', 'marsai', 'marsai-schema/20260226130000-alter-vote-histories.yaml', NOW(), 52, '9:4fdf8d06818bb7d3aab23a11daa1292f', 'addColumn tableName=vote_histories', 'Release 1.1: vote_histories.note as ENUM(''YES'',''NO'',''TO DISCUSS'') NOT NULL DEFAULT ''NO'' after id_movie, as votes.note; every existing row gets ''NO''.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

--  Changeset marsai-schema/20260324120000-add-decision-to-votes.yaml::20260324120000-add-decision-to-votes::marsai
-- Migration 20260324120000-add-decision-to-votes, changeset 20260324120000-add-decision-to-votes
-- WRITES: sets votes.decision to 'pending' in every existing row.
--  Release 1.1: add votes.decision ENUM('pending','accepted','rejected') NOT NULL DEFAULT 'pending'.
ALTER TABLE votes ADD decision ENUM('pending', 'accepted', 'rejected') DEFAULT 'pending' NOT NULL;

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, `DESCRIPTION`, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('20260324120000-add-decision-to-votes', 'marsai', 'marsai-schema/20260324120000-add-decision-to-votes.yaml', NOW(), 53, '9:10513a2a7c71989652e901a01afd59bd', 'addColumn tableName=votes', 'Release 1.1: add votes.decision ENUM(''pending'',''accepted'',''rejected'') NOT NULL DEFAULT ''pending''.', 'EXECUTED', NULL, NULL, '4.33.0', '(deployment id)');

