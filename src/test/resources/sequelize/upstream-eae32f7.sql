-- The DDL the upstream project's 26 migrations (cdpi-25-26/marsai-groupe-2, back/migrations at eae32f7) really
-- send, captured from the query log of the real sequelize-cli 6.6.5 (sequelize 6.37.7, mysql2 3.16.1) running
-- them from empty on MariaDB 10.11 (MySQL 9.7 received byte for byte the same statements) by
-- src/test/sequelize/sequelize-reference.sh. Derived data, not upstream's code: one "-- @ NAME" block per
-- migration in the order sequelize-cli runs them (by name: 20260226130000-alter-vote-histories comes between
-- 22 and 23), read-only queries and SequelizeMeta bookkeeping left out. UpstreamDatabase builds databases
-- "as sequelize-cli left them" at 24, 25 and 26 from it; reference-eae32f7/ holds the pictures the script
-- read from the real runs (S24, S25 = S24 then 25, S26 = S25 then 26; identical on both servers).

-- @ 20260128100000-create-users
CREATE TABLE IF NOT EXISTS `users` (`id_user` INTEGER NOT NULL auto_increment , `first_name` VARCHAR(100) NOT NULL, `last_name` VARCHAR(100) NOT NULL, `email` VARCHAR(255) NOT NULL UNIQUE, `password` VARCHAR(255) NOT NULL, `phone` VARCHAR(20), `mobile` VARCHAR(20), `birth_date` DATETIME, `street` VARCHAR(50), `postal_code` VARCHAR(10), `city` VARCHAR(50), `country` VARCHAR(50), `biography` VARCHAR(255), `job` ENUM('ACTOR', 'DIRECTOR', 'PRODUCER', 'WRITER', 'OTHER'), `portfolio` VARCHAR(50), `youtube` VARCHAR(50), `instagram` VARCHAR(50), `linkedin` VARCHAR(50), `facebook` VARCHAR(50), `tiktok` VARCHAR(50), `known_by_mars_ai` ENUM('Par un ami', 'Vu une publicité du festival', 'Via le site internet ou application de l\'IA'), `role` ENUM('ADMIN', 'JURY', 'PRODUCER') NOT NULL DEFAULT 'PRODUCER', `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_user`)) ENGINE=InnoDB;

-- @ 20260128100001-create-categories
CREATE TABLE IF NOT EXISTS `categories` (`id_categorie` INTEGER NOT NULL auto_increment , `name` VARCHAR(255) NOT NULL, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_categorie`)) ENGINE=InnoDB;

-- @ 20260128100002-create-collaborators
CREATE TABLE IF NOT EXISTS `collaborators` (`id_collaborator` INTEGER NOT NULL auto_increment , `first_name` VARCHAR(150) NOT NULL, `last_name` VARCHAR(255) NOT NULL, `email` VARCHAR(255) NOT NULL UNIQUE, `job` VARCHAR(100), `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_collaborator`)) ENGINE=InnoDB;

-- @ 20260128100003-create-events
CREATE TABLE IF NOT EXISTS `events` (`id_event` INTEGER NOT NULL auto_increment , `name` VARCHAR(100) NOT NULL, `description` VARCHAR(255), `date` DATETIME NOT NULL, `location` VARCHAR(255), `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_event`)) ENGINE=InnoDB;

-- @ 20260128100004-create-movies
CREATE TABLE IF NOT EXISTS `movies` (`id_movie` INTEGER NOT NULL auto_increment , `title` VARCHAR(255) NOT NULL, `description` TEXT, `duration` INTEGER NOT NULL, `main_language` VARCHAR(20), `release_year` INTEGER, `nationality` VARCHAR(255), `display_picture` VARCHAR(255), `picture1` VARCHAR(255), `picture2` VARCHAR(255), `picture3` VARCHAR(255), `trailer` VARCHAR(255), `youtube_link` VARCHAR(255), `production` VARCHAR(255), `workshop` VARCHAR(255), `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_movie`)) ENGINE=InnoDB;

-- @ 20260128100005-create-awards
CREATE TABLE IF NOT EXISTS `awards` (`id_award` INTEGER NOT NULL auto_increment , `id_movie` INTEGER NOT NULL, `award_name` VARCHAR(100) NOT NULL, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_award`), FOREIGN KEY (`id_movie`) REFERENCES `movies` (`id_movie`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;

-- @ 20260128100006-create-votes
CREATE TABLE IF NOT EXISTS `votes` (`id_vote` INTEGER NOT NULL auto_increment , `id_movie` INTEGER NOT NULL, `id_user` INTEGER NOT NULL, `note` ENUM('YES', 'NO', 'TO DISCUSS') NOT NULL, `comments` TEXT, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_vote`), FOREIGN KEY (`id_movie`) REFERENCES `movies` (`id_movie`) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY (`id_user`) REFERENCES `users` (`id_user`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;

-- @ 20260128100008-create-reservations
CREATE TABLE IF NOT EXISTS `reservations` (`id_reservation` INTEGER NOT NULL auto_increment , `id_event` INTEGER NOT NULL, `first_name` VARCHAR(100) NOT NULL, `last_name` VARCHAR(100) NOT NULL, `email` VARCHAR(255) NOT NULL, `number_seats` INTEGER NOT NULL, `reservation_date` DATETIME DEFAULT NOW(), `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_reservation`), FOREIGN KEY (`id_event`) REFERENCES `events` (`id_event`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;

-- @ 20260128100009-create-movies-categories
CREATE TABLE IF NOT EXISTS `movies_categories` (`id_movie_categorie` INTEGER NOT NULL auto_increment , `id_movie` INTEGER NOT NULL, `id_categorie` INTEGER NOT NULL, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_movie_categorie`), FOREIGN KEY (`id_movie`) REFERENCES `movies` (`id_movie`) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY (`id_categorie`) REFERENCES `categories` (`id_categorie`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;

-- @ 20260128100010-create-collaborators-movies
CREATE TABLE IF NOT EXISTS `collaborators_movies` (`id_collaborator_movie` INTEGER NOT NULL auto_increment , `id_collaborator` INTEGER NOT NULL, `id_movie` INTEGER NOT NULL, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_collaborator_movie`), FOREIGN KEY (`id_collaborator`) REFERENCES `collaborators` (`id_collaborator`) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY (`id_movie`) REFERENCES `movies` (`id_movie`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;

-- @ 20260128144807-alter-movies
ALTER TABLE `movies` ADD `translation` VARCHAR(255);
ALTER TABLE `movies` ADD `synopsis` TEXT;
ALTER TABLE `movies` ADD `synopsis_anglais` TEXT;
ALTER TABLE `movies` ADD `subtitle` VARCHAR(255);
ALTER TABLE `movies` ADD `ai_tool` VARCHAR(255);
ALTER TABLE `movies` ADD `thumbnail` VARCHAR(255);
ALTER TABLE `movies` ADD `selection_status` ENUM('submitted', 'refused', 'to_discuss', 'selected', 'finalist') NOT NULL DEFAULT 'submitted';
ALTER TABLE `movies` ADD `id_user` INTEGER NOT NULL, ADD CONSTRAINT `movies_id_user_foreign_idx` FOREIGN KEY (`id_user`) REFERENCES `users` (`id_user`) ON DELETE CASCADE ON UPDATE CASCADE;

-- @ 20260205100000-add-assigned-jury-to-movies
ALTER TABLE `movies` ADD `assigned_jury_id` INTEGER, ADD CONSTRAINT `movies_assigned_jury_id_foreign_idx` FOREIGN KEY (`assigned_jury_id`) REFERENCES `users` (`id_user`) ON DELETE SET NULL ON UPDATE CASCADE;

-- @ 20260205131006-create-movies-juries
CREATE TABLE IF NOT EXISTS `movies_juries` (`id_movie_jury` INTEGER NOT NULL auto_increment , `id_movie` INTEGER NOT NULL, `id_user` INTEGER NOT NULL, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_movie_jury`), FOREIGN KEY (`id_movie`) REFERENCES `movies` (`id_movie`) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY (`id_user`) REFERENCES `users` (`id_user`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;
ALTER TABLE `movies_juries` ADD CONSTRAINT `unique_movies_jury` UNIQUE (`id_movie`, `id_user`);

-- @ 20260210100000-alter-users-known-by-mars-ai
ALTER TABLE users MODIFY COLUMN known_by_mars_ai ENUM('Par un ami','Vu une publicité du festival','Via le site internet ou application de l\'IA') NULL;

-- @ 20260212103000-drop-id-film-from-votes

-- @ 20260212150000-add-vote-modification-tracking
ALTER TABLE `votes` ADD `modification_count` INTEGER NOT NULL DEFAULT 0 COMMENT 'Numero di volte che il voto è stato modificato';

-- @ 20260214130000-add-admin-comment-to-movies
ALTER TABLE `movies` ADD `admin_comment` TEXT;

-- @ 20260216100000-create-vote-histories
CREATE TABLE IF NOT EXISTS `vote_histories` (`id_vote_history` INTEGER auto_increment , `id_vote` INTEGER NOT NULL, `id_user` INTEGER NOT NULL, `id_movie` INTEGER NOT NULL, `note` FLOAT NOT NULL, `comments` TEXT, `createdAt` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, `updatedAt` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (`id_vote_history`), FOREIGN KEY (`id_vote`) REFERENCES `votes` (`id_vote`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;

-- @ 20260216120000-alter-movies-selection-status
ALTER TABLE movies MODIFY COLUMN selection_status ENUM('submitted','assigned','to_discuss','candidate','awarded','refused','selected','finalist') NOT NULL DEFAULT 'submitted';

-- @ 20260216123000-add-jury-comment-to-movies
ALTER TABLE `movies` ADD `jury_comment` TEXT;

-- @ 20260219132833-add-fields-to-movies
ALTER TABLE `movies` ADD `youtbe_status` VARCHAR(255);
ALTER TABLE `movies` ADD `youtube_movie_id` VARCHAR(255);

-- @ 20260220123459-rename-youtbe-status-to-youtube-status
ALTER TABLE `movies` CHANGE `youtbe_status` `youtube_status` VARCHAR(255) DEFAULT NULL;

-- @ 20260226130000-alter-vote-histories
ALTER TABLE `vote_histories` DROP `note`;
ALTER TABLE `vote_histories` ADD `note` ENUM('YES', 'NO', 'TO DISCUSS') NOT NULL DEFAULT 'NO' AFTER `id_movie`;

-- @ 20260302111532-create-sponsors
CREATE TABLE IF NOT EXISTS `sponsors` (`id_sponsor` INTEGER NOT NULL auto_increment , `name` VARCHAR(255) NOT NULL, `logo` VARCHAR(255) NOT NULL, `url` VARCHAR(255), `category` VARCHAR(100), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, PRIMARY KEY (`id_sponsor`)) ENGINE=InnoDB;

-- @ 20260302171000-create-newsletter-subscribers
CREATE TABLE IF NOT EXISTS `newsletter_subscribers` (`id_subscriber` INTEGER NOT NULL auto_increment , `email` VARCHAR(255) NOT NULL UNIQUE, `first_name` VARCHAR(100), `last_name` VARCHAR(100), `source` ENUM('PUBLIC', 'FILM_CANDIDACY') NOT NULL DEFAULT 'PUBLIC', `is_active` TINYINT(1) NOT NULL DEFAULT true, `createdAt` DATETIME NOT NULL DEFAULT NOW(), `updatedAt` DATETIME NOT NULL DEFAULT NOW(), PRIMARY KEY (`id_subscriber`)) ENGINE=InnoDB;

-- @ 20260324120000-add-decision-to-votes
ALTER TABLE `votes` ADD `decision` ENUM('pending', 'accepted', 'rejected') NOT NULL DEFAULT 'pending';
