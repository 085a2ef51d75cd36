CREATE TABLE "apd_total_cells" (
	"year" integer NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"line_count" integer NOT NULL,
	CONSTRAINT "apd_total_cells_year_dimension_key_pk" PRIMARY KEY("year","dimension","key")
);
--> statement-breakpoint
-- Sums the lines counted before this table existed (same grouping as src/modules/apd/total-cells.ts).
INSERT INTO "apd_total_cells" ("year", "dimension", "key", "amount_cents", "line_count")
SELECT l.year, d.dimension, d.key, sum(l.amount_cents), count(*)
  FROM apd_submission_lines l
  JOIN atlas_collectivites c ON c.id = l.collectivite_id
  LEFT JOIN ref_countries rc ON rc.code = l.recipient_code
  LEFT JOIN (VALUES ('298', 'Afrique'), ('189', 'Afrique'), ('289', 'Afrique'), ('1030', 'Afrique'), ('498', 'Amérique du Sud'), ('389', 'Amérique centrale et Caraïbes'), ('489', 'Amérique du Sud'), ('798', 'Asie'), ('589', 'Asie'), ('889', 'Océanie'), ('89', 'Europe'), ('998', NULL)) AS rg(code, continent) ON rg.code = l.recipient_code
  CROSS JOIN LATERAL (VALUES
    ('year', l.year::text),
    ('country', l.recipient_code),
    ('continent', coalesce(rc.continent, rg.continent, 'Non ventilé')),
    ('sector', l.purpose_code),
    ('collectivite', l.collectivite_id::text),
    ('region', coalesce(c.region_code, '')),
    ('departement', coalesce(c.departement_code, '')),
    ('collectiviteKind', c.kind)) AS d(dimension, key)
 WHERE l.counted
 GROUP BY 1, 2, 3;
