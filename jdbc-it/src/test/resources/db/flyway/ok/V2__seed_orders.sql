INSERT INTO orders (customer, total) VALUES ('ada', 10.00), ('grace', 32.50);
-- A function body with semicolons inside dollar quotes: Flyway's parser must keep it whole.
CREATE FUNCTION order_count(who text) RETURNS bigint LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    RETURN (SELECT count(*) FROM orders WHERE customer = who);
END;
$$;
