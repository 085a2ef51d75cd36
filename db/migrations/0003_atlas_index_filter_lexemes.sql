-- Search rows now carry filter values as lexemes: empty them so that the portal rebuilds
-- them at start-up (server/start.ts), or run `npm run atlas:reindex`.
DELETE FROM atlas_project_index;
