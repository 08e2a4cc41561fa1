INSERT INTO users (first_name, last_name, email, password) VALUES ('Ada', 'Jury', 'ada@example.org', 'x');
