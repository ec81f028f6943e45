import { Migration } from '@mikro-orm/migrations';
import { outboxTableSql } from '@espigon/kit/events/outbox.entity';

/**
 * Categories, products, inventory, reservations and the outbox. Search is Spanish and accent-insensitive:
 * the Spanish stemmer needs accents (unaccent-then-stem turns "camaron" into "cam"), so the index holds
 * both the unaccent-then-stem lexemes and the stem-then-unaccent ones; "camarones" then finds "Camarón"
 * and "atun" finds "Atún". The extension objects are schema-qualified, so they work whatever the
 * session's search_path is (generated columns are computed with the inserting session's path).
 */
export class Migration20261123100000_catalog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "catalog";`);
    // one extension per database, shared by every subgraph that wants it: created idempotently in public
    this.addSql(`create extension if not exists unaccent with schema public;`);
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`do $$ begin
      if not exists (select 1 from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
                     where n.nspname = 'catalog' and c.cfgname = 'es_unaccent') then
        create text search configuration "catalog"."es_unaccent" (copy = pg_catalog.spanish);
        alter text search configuration "catalog"."es_unaccent"
          alter mapping for hword, hword_part, word with public.unaccent, pg_catalog.spanish_stem;
      end if;
    end $$;`);
    this.addSql(`create or replace function "catalog"."es_search_vector"(txt text) returns tsvector
      language sql immutable parallel safe as $$
        select to_tsvector('catalog.es_unaccent'::regconfig, coalesce(txt, ''))
            || array_to_tsvector(array(select public.unaccent('public.unaccent'::regdictionary, lexeme)
                 from unnest(tsvector_to_array(to_tsvector('pg_catalog.spanish'::regconfig, coalesce(txt, '')))) as lexeme))
      $$;`);
    // The query side mirrors it: a term matches through either stemmed form ("camarón" finds "Camarones").
    // Unaccented input stems differently ("camaron" -> "cam"), so a plain query also matches each word as
    // an unstemmed, unaccented prefix ("camaron" finds "Camarones", "corv" finds "Corvina"); a query with
    // an exclusion ("-frescos") keeps to the stemmed forms, where the exclusion means the same word.
    this.addSql(`create or replace function "catalog"."es_search_query"(q text) returns tsquery
      language sql immutable parallel safe as $$
        select case when strpos(stemmed::text, '!') > 0 then stemmed else stemmed || prefixed end
        from (select
          websearch_to_tsquery('catalog.es_unaccent'::regconfig, coalesce(q, ''))
            || public.unaccent('public.unaccent'::regdictionary,
                 websearch_to_tsquery('pg_catalog.spanish'::regconfig, coalesce(q, ''))::text)::tsquery as stemmed,
          regexp_replace(
            websearch_to_tsquery('pg_catalog.simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, coalesce(q, '')))::text,
            '''( |$)', ''':*\\1', 'g')::tsquery as prefixed
        ) as forms
      $$;`);
    // NAME sorts "Atún" among the A's, not after "Wahoo" as a byte-wise collation would
    this.addSql(`create or replace function "catalog"."es_sort_key"(txt text) returns text
      language sql immutable parallel safe as $$
        select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(txt, '')))
      $$;`);

    this.addSql(`create table "catalog"."category" (
      "id" uuid not null primary key,
      "name" varchar(60) not null,
      "slug" varchar(80) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "category_slug_unique" unique ("slug")
    );`);
    this.addSql(`create table "catalog"."subcategory" (
      "id" uuid not null primary key,
      "category_id" uuid not null references "catalog"."category" ("id"),
      "name" varchar(60) not null,
      "slug" varchar(80) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "subcategory_slug_unique" unique ("slug")
    );`);
    this.addSql(`create index "subcategory_category_id_index" on "catalog"."subcategory" ("category_id");`);

    this.addSql(`create table "catalog"."product" (
      "id" uuid not null primary key,
      "seller_id" uuid not null,
      "subcategory_id" uuid not null references "catalog"."subcategory" ("id"),
      "name" varchar(120) not null,
      "description" varchar(2000) null,
      "price_cents" int not null check ("price_cents" > 0),
      "unit" text not null check ("unit" in ('KG', 'LB', 'UNIT', 'DOZEN')),
      "image_urls" text[] not null default '{}',
      "caught_at" timestamptz null,
      "listed" boolean not null default true,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "deleted_at" timestamptz null,
      "name_key" text generated always as ("catalog"."es_sort_key"("name")) stored,
      "search" tsvector generated always as ("catalog"."es_search_vector"("name" || ' ' || coalesce("description", ''))) stored
    );`);
    this.addSql(`create index "product_search_index" on "catalog"."product" using gin ("search");`);
    // one index per sort order, each ending in id: the keyset cursors compare (sort key, id)
    this.addSql(`create index "product_created_at_id_index" on "catalog"."product" ("created_at", "id");`);
    this.addSql(`create index "product_price_cents_id_index" on "catalog"."product" ("price_cents", "id");`);
    this.addSql(`create index "product_name_key_id_index" on "catalog"."product" ("name_key", "id");`);
    // fuzzy fallback when full-text search finds nothing (the stemmer misses "calamares" -> "Calamar")
    this.addSql(`create index "product_name_key_trgm_index" on "catalog"."product" using gin ("name_key" public.gin_trgm_ops);`);
    this.addSql(`create index "product_seller_id_index" on "catalog"."product" ("seller_id");`);
    this.addSql(`create index "product_subcategory_id_index" on "catalog"."product" ("subcategory_id");`);

    this.addSql(`create table "catalog"."inventory" (
      "product_id" uuid not null primary key references "catalog"."product" ("id"),
      "quantity_on_hand" int not null,
      "quantity_reserved" int not null default 0,
      "low_stock_threshold" int not null default 0,
      "updated_at" timestamptz not null,
      constraint "inventory_quantities_check" check ("quantity_reserved" >= 0 and "quantity_reserved" <= "quantity_on_hand"),
      constraint "inventory_low_stock_threshold_check" check ("low_stock_threshold" >= 0)
    );`);
    this.addSql(`create table "catalog"."inventory_adjustment" (
      "id" uuid not null primary key,
      "product_id" uuid not null references "catalog"."product" ("id"),
      "delta" int not null check ("delta" <> 0),
      "reason" varchar(200) null,
      "actor_id" uuid not null,
      "quantity_on_hand_after" int not null,
      "created_at" timestamptz not null
    );`);
    this.addSql(`create index "inventory_adjustment_product_id_created_at_index" on "catalog"."inventory_adjustment" ("product_id", "created_at");`);

    this.addSql(`create table "catalog"."reservation" (
      "id" uuid not null primary key,
      "order_id" uuid not null,
      "product_id" uuid not null references "catalog"."product" ("id"),
      "quantity" int not null check ("quantity" > 0),
      "status" text not null check ("status" in ('RESERVED', 'RELEASED', 'COMMITTED')),
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "reservation_order_product_unique" unique ("order_id", "product_id")
    );`);
    this.addSql(`create index "reservation_product_id_index" on "catalog"."reservation" ("product_id");`);

    for (const sql of outboxTableSql('catalog')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalog"."outbox_event";`);
    this.addSql(`drop table if exists "catalog"."reservation";`);
    this.addSql(`drop table if exists "catalog"."inventory_adjustment";`);
    this.addSql(`drop table if exists "catalog"."inventory";`);
    this.addSql(`drop table if exists "catalog"."product";`);
    this.addSql(`drop table if exists "catalog"."subcategory";`);
    this.addSql(`drop table if exists "catalog"."category";`);
    this.addSql(`drop function if exists "catalog"."es_sort_key"(text);`);
    this.addSql(`drop function if exists "catalog"."es_search_query"(text);`);
    this.addSql(`drop function if exists "catalog"."es_search_vector"(text);`);
    this.addSql(`drop text search configuration if exists "catalog"."es_unaccent";`);
  }
}
