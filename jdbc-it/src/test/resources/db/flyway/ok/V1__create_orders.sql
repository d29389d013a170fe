CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer text NOT NULL,
    total numeric(10, 2) NOT NULL CHECK (total >= 0),
    placed timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer ON orders (customer);
