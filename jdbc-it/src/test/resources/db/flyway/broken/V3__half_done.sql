-- Valid statements first, then one that fails: PostgreSQL's transactional DDL lets Flyway roll
-- back the whole migration, so none of it may remain.
CREATE TABLE refunds (id bigserial PRIMARY KEY, order_id bigint REFERENCES orders (id));
INSERT INTO orders (customer, total) VALUES ('mallory', 1.00);
INSERT INTO orders (customer, total) VALUES ('mallory', -5.00);
