import { Migration } from '@mikro-orm/migrations';

/**
 * Search terms with a "modifier letter" apostrophe (ʼ ʻ ʽ ˈ ʹ) failed with a tsquery syntax error: those are word
 * characters to the parser, the query's stem-then-unaccent form goes through the tsquery's text, and unaccent turns
 * them into ' or \ inside its quoted lexemes (and a lone combining mark into an empty lexeme). So, before anything
 * else, every character unaccent maps to a quote or a backslash becomes a space (none is part of a Spanish word),
 * ŉ becomes n, and combining marks go (decomposed "camarón" is then "camaron", which matches as it should). Checked
 * against every character of unaccent's rules; the rest of the function is unchanged.
 */
const quoteLike = 'ʹʺʻʼʽˈ‘’‛“”‟′″∖〝〞﹨＂＇＼';

export class Migration20261124000000_search_quotes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "catalog"."es_search_query"(q text) returns tsquery
      language sql immutable parallel safe as $$
        select case when strpos(stemmed::text, '!') > 0 then stemmed else stemmed || prefixed end
        from (select regexp_replace(translate(coalesce(q, ''), '${quoteLike}ŉ', '${' '.repeat([...quoteLike].length)}n'),
                                    '[\u0300-\u036f]', '', 'g') as term) as cleaned,
        lateral (select
          websearch_to_tsquery('catalog.es_unaccent'::regconfig, term)
            || public.unaccent('public.unaccent'::regdictionary,
                 websearch_to_tsquery('pg_catalog.spanish'::regconfig, term)::text)::tsquery as stemmed,
          regexp_replace(
            websearch_to_tsquery('pg_catalog.simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, term))::text,
            '''( |$)', ''':*\\1', 'g')::tsquery as prefixed
        ) as forms
      $$;`);
  }
}
