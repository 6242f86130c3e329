-- Synthetic published news items FIRST..LAST, written by PostgreSQL itself:
--
--   psql -v first=1 -v last=1000000 -f bench/synthetic.sql
--
-- The rows are shaped like `manage.py load_demo --synthetic N` makes them (slug
-- synthetic-N, both languages, one every 6 hours back from 25 July 2024, kinds and the
-- three demo sections in turn, is_synthetic set), with a longer body so that text
-- search reads articles of a realistic length (about 0.5 KB per language). Every
-- sixth item takes place in each of six capitals: a search for "Dushanbe" matches
-- one item in six. The demo sections must exist (`manage.py load_demo` first).
-- Items that already exist are left alone, so the same database can be topped up.
\set ON_ERROR_STOP on

SET synchronous_commit = off;

INSERT INTO news_newsitem (
    created_at, updated_at, kind, section_id, slug, status, published_at, is_synthetic,
    title, title_en, title_ru, lead, lead_en, lead_ru, body, body_en, body_ru,
    image, image_alt, image_alt_en, image_alt_ru,
    image_caption, image_caption_en, image_caption_ru, image_credit, image_type,
    author_id, event_id
)
SELECT
    now(), now(), kind, section_id, 'synthetic-' || n, 'published', published_at, true,
    title_en, title_en, title_ru, lead_en, lead_en, lead_ru, body_en, body_en, body_ru,
    '', '', '', '', '', '', '', '', '',
    NULL, NULL
FROM (
    SELECT
        n,
        (ARRAY['news', 'statement', 'speech', 'interview', 'press_release'])[1 + (n - 1) % 5]
            AS kind,
        sections.ids[1 + (n - 1) % array_length(sections.ids, 1)] AS section_id,
        (timestamp '2024-07-25 03:00' AT TIME ZONE 'Europe/Moscow') - (n - 1) * interval '6 hours'
            AS published_at,
        'Synthetic news item ' || n AS title_en,
        'Синтетическая новость ' || n AS title_ru,
        'Synthetic news item ' || n || ', generated for volume tests.' AS lead_en,
        'Синтетическая новость ' || n || ', созданная для нагрузочных тестов.' AS lead_ru,
        '<p>Synthetic news item ' || n || ', generated for volume tests. It is not real news.</p>'
            || '<p>Delegations met in '
            || (ARRAY['Moscow', 'Minsk', 'Astana', 'Bishkek', 'Dushanbe', 'Yerevan'])[1 + n % 6]
            || ' to discuss '
            || (ARRAY['collective security', 'peacekeeping', 'border protection',
                      'crisis response', 'counter-terrorism', 'information security',
                      'military cooperation'])[1 + n % 7]
            || '. The participants reviewed how earlier decisions are carried out, exchanged '
            || 'views on the situation in the region and agreed on the next steps. The text '
            || 'repeats from item to item: the archive has the size and shape of real '
            || 'content without its meaning.</p>' AS body_en,
        '<p>Синтетическая новость ' || n || ', созданная для нагрузочных тестов. '
            || 'Это не настоящая новость.</p><p>Делегации встретились в городе '
            || (ARRAY['Москва', 'Минск', 'Астана', 'Бишкек', 'Душанбе', 'Ереван'])[1 + n % 6]
            || ', чтобы обсудить '
            || (ARRAY['коллективную безопасность', 'миротворчество', 'охрану границ',
                      'реагирование на кризисы', 'борьбу с терроризмом',
                      'информационную безопасность', 'военное сотрудничество'])[1 + n % 7]
            || '. Участники рассмотрели ход выполнения принятых решений, обменялись мнениями '
            || 'о положении в регионе и договорились о дальнейших шагах. Текст повторяется '
            || 'от новости к новости: архив имеет размер и форму настоящего, но не его '
            || 'смысл.</p>' AS body_ru
    FROM generate_series(:first::bigint, :last::bigint) AS n,
        (
            SELECT array_agg(id ORDER BY array_position(
                ARRAY['secretary-general', 'international-cooperation', 'secretariat'], slug::text
            )) AS ids
            FROM news_section
            WHERE slug IN ('secretary-general', 'international-cooperation', 'secretariat')
        ) AS sections
) AS items
ON CONFLICT (slug) DO NOTHING;
