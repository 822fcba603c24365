CREATE TABLE IF NOT EXISTS schema_probe (id INT);
