"""``manage.py load_demo``: the demo content, from the press-centre pages in ``shared/seed/``.

Everything below comes from the seed text (``press-centre-pages.txt``): the dates, names,
titles and numbers are the seed's own; the Russian fields are a translation of the same
text. Nothing is added that the seed does not say.

The command is idempotent: every object has a stable key (a slug; for positions the
person and the English title; for contacts the person and the kind), so running it again
updates the rows instead of adding new ones (the seed's fields are set back to the seed's
text). Photos, images and section descriptions that an editor added are left alone.

``--synthetic N`` adds N plainly synthetic published items (slugs ``synthetic-1`` ...
``synthetic-N``) for volume tests; ``--clear-synthetic`` deletes them.
"""

import datetime as dt
from itertools import islice

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone, translation

from news.models import Event, NewsItem, Section
from people.models import Contact, Person, Position


def tr(field, en, ru):
    """Both language columns of a translated field, set explicitly."""
    return {f"{field}_en": en, f"{field}_ru": ru}


def paragraphs(*texts):
    return "\n".join(f"<p>{text}</p>" for text in texts)


def local_datetime(day, hour=0, minute=0):
    """``day`` at ``hour:minute`` in the site's time zone (settings.TIME_ZONE)."""
    naive = dt.datetime.combine(day, dt.time(hour, minute))
    return timezone.make_aware(naive, timezone.get_default_timezone())


CSTO = tr(
    "organisation",
    "Collective Security Treaty Organization",
    "Организация Договора о коллективной безопасности",
)
NO_ORGANISATION = tr("organisation", "", "")

# -- Sections ---------------------------------------------------------------------------

SECTIONS = [
    {"slug": "secretary-general", "order": 10,
     **tr("name", "Secretary General", "Генеральный секретарь")},
    {"slug": "international-cooperation", "order": 20,
     **tr("name", "International cooperation", "Международное сотрудничество")},
    {"slug": "secretariat", "order": 30,
     **tr("name", "Secretariat", "Секретариат")},
]  # fmt: skip

# -- People -----------------------------------------------------------------------------

TASMAGAMBETOV = "imangali-tasmagambetov"
VOLFOVICH = "alexander-volfovich"
ZAYNETDINOV = "vladimir-zaynetdinov"

PEOPLE = [
    {
        "slug": TASMAGAMBETOV,
        "order": 10,
        **tr("given_name", "Imangali", "Имангали"),
        **tr("patronymic", "Nurgalievich", "Нургалиевич"),
        **tr("family_name", "Tasmagambetov", "Тасмагамбетов"),
        **tr(
            "short_bio",
            "Imangali Nurgalievich Tasmagambetov was appointed by the CSTO Collective Security "
            "Council to the post of Secretary General of the Collective Security Treaty "
            "Organization.",
            "Имангали Нургалиевич Тасмагамбетов назначен Советом коллективной безопасности "
            "ОДКБ на должность Генерального секретаря Организации Договора о коллективной "
            "безопасности.",
        ),
        **tr(
            "biography",
            paragraphs(
                "The candidacy of Imangali Nurgalievich Tasmagambetov for the post of Secretary "
                "General of the Collective Security Treaty Organization was nominated by the "
                "leadership of the Republic of Kazakhstan and approved by a decision of the "
                "CSTO Collective Security Council on November 23, 2022, for a term of three "
                "years until December 31, 2025.",
                "He was presented to the CSTO Secretariat and members of the Organization's "
                "Permanent Council on January 10, 2023.",
                "He held various government positions in the Republic of Kazakhstan in "
                "different years: he was Assistant to the President of Kazakhstan, the head of "
                "the Presidential Administration, headed the Government of Kazakhstan, the "
                "Ministry of Defense, the Ministry of Education and Culture, and was "
                "Kazakhstan's Ambassador to Russia.",
            ),
            paragraphs(
                "Кандидатура Имангали Нургалиевича Тасмагамбетова на пост Генерального "
                "секретаря Организации Договора о коллективной безопасности была выдвинута "
                "руководством Республики Казахстан и одобрена решением Совета коллективной "
                "безопасности ОДКБ 23 ноября 2022 года на срок три года, до 31 декабря "
                "2025 года.",
                "10 января 2023 года он был представлен Секретариату ОДКБ и членам Постоянного "
                "совета Организации.",
                "В разные годы занимал различные государственные должности в Республике "
                "Казахстан: был помощником Президента Казахстана, руководителем Администрации "
                "Президента, возглавлял Правительство Казахстана, Министерство обороны, "
                "Министерство образования и культуры, был Послом Казахстана в России.",
            ),
        ),
        "positions": [
            {
                **tr("title", "Secretary General", "Генеральный секретарь"),
                **CSTO,
                # Approved by the Collective Security Council on 23 November 2022 "for three
                # years until December 31, 2025"; presented on 10 January 2023.
                "start_date": dt.date(2023, 1, 1),
                "end_date": dt.date(2025, 12, 31),
            }
        ],
    },
    {
        "slug": VOLFOVICH,
        "order": 20,
        **tr("given_name", "Alexander", "Александр"),
        **tr("patronymic", "", ""),  # the seed gives none
        **tr("family_name", "Volfovich", "Вольфович"),
        **tr("short_bio", "", ""),
        **tr("biography", "", ""),
        "positions": [
            {
                # The seed's own words ("Security Council", singular).
                **tr(
                    "title",
                    "Chairman of the Committee of Secretaries of Security Council (CSSC)",
                    "Председатель Комитета секретарей советов безопасности (КССБ)",
                ),
                **NO_ORGANISATION,
                "start_date": None,
                "end_date": None,
            },
            {
                **tr(
                    "title",
                    "State Secretary of the Security Council",
                    "Государственный секретарь Совета Безопасности",
                ),
                **NO_ORGANISATION,
                "start_date": None,
                "end_date": None,
            },
        ],
    },
    {
        "slug": ZAYNETDINOV,
        "order": 30,
        **tr("given_name", "Vladimir", "Владимир"),
        **tr("patronymic", "", ""),
        **tr("family_name", "Zaynetdinov", "Зайнетдинов"),
        **tr("short_bio", "", ""),
        **tr("biography", "", ""),
        "positions": [
            {
                **tr("title", "Press Secretary", "Пресс-секретарь"),
                **CSTO,
                "start_date": None,
                "end_date": None,
            }
        ],
        "contacts": [
            {
                "kind": Contact.Kind.TEL_FAX,
                "value": "+7495-621-33-23",  # exactly as the seed writes it
                **tr("label", "Press Secretary", "Пресс-секретарь"),
                "is_public": True,
                "in_footer": True,
                "order": 10,
            }
        ],
    },
]

# -- Events (the seed gives days, not hours: all-day events) ---------------------------

UNSC_DEBATE = "un-security-council-debate-csto-cis-sco-2024"
PRESENTATION = "presentation-of-the-csto-secretary-general-2023"
GRADUATES_MEETING = "meeting-with-graduates-of-the-international-school-of-diplomacy-2024"

EVENTS = [
    {
        "slug": UNSC_DEBATE,
        "kind": Event.Kind.DEBATE,
        "day": dt.date(2024, 7, 19),
        **tr(
            "title",
            "UN cooperation with regional organizations: the CSTO, the CIS and the SCO",
            "Сотрудничество ООН с региональными организациями: ОДКБ, СНГ и ШОС",
        ),
        **tr("venue", "United Nations Security Council", "Совет Безопасности ООН"),
        **tr("city", "", ""),
        **tr(
            "description",
            paragraphs(
                "The CSTO Secretary General Imangali Tasmagambetov took part in the debate "
                "on “UN cooperation with regional organizations: the CSTO, the CIS and the "
                "SCO” held on 19 July 2024 at the UN Security Council."
            ),
            paragraphs(
                "Генеральный секретарь ОДКБ Имангали Тасмагамбетов принял участие в дебатах "
                "на тему «Сотрудничество ООН с региональными организациями: ОДКБ, СНГ и ШОС», "
                "состоявшихся 19 июля 2024 года в Совете Безопасности ООН."
            ),
        ),
        "participants": [TASMAGAMBETOV],
    },
    {
        "slug": PRESENTATION,
        "kind": Event.Kind.CEREMONY,
        "day": dt.date(2023, 1, 10),
        **tr(
            "title",
            "Presentation of the newly appointed CSTO Secretary General",
            "Представление вновь назначенного Генерального секретаря ОДКБ",
        ),
        **tr("venue", "CSTO Secretariat", "Секретариат ОДКБ"),
        **tr("city", "", ""),
        **tr(
            "description",
            paragraphs(
                "The newly appointed CSTO Secretary General Imangali Tasmagambetov was "
                "presented to the CSTO Secretariat and members of the Organization's Permanent "
                "Council by Alexander Volfovich, Chairman of the Committee of Secretaries of "
                "Security Council (CSSC) and State Secretary of the Security Council."
            ),
            paragraphs(
                "Вновь назначенного Генерального секретаря ОДКБ Имангали Тасмагамбетова "
                "представил Секретариату ОДКБ и членам Постоянного совета Организации "
                "Председатель Комитета секретарей советов безопасности (КССБ), Государственный "
                "секретарь Совета Безопасности Александр Вольфович."
            ),
        ),
        "participants": [TASMAGAMBETOV, VOLFOVICH],
    },
    {
        "slug": GRADUATES_MEETING,
        "kind": Event.Kind.MEETING,
        "day": dt.date(2024, 7, 25),
        **tr(
            "title",
            "Meeting with graduates of the International School of Diplomacy",
            "Встреча с выпускниками Международной школы дипломатии",
        ),
        **tr("venue", "", ""),
        **tr("city", "Moscow", "Москва"),
        **tr(
            "description",
            paragraphs(
                "Staff of the CSTO Secretariat met with graduates of Central Asian "
                "universities who are participating in the International School of Diplomacy."
            ),
            paragraphs(
                "Сотрудники Секретариата ОДКБ встретились с выпускниками вузов Центральной "
                "Азии, участвующими в Международной школе дипломатии."
            ),
        ),
        "participants": [],
    },
]

# -- News items -------------------------------------------------------------------------

GRADUATES_EN = (
    "On 25 July 2024, staff of the CSTO Secretariat met with graduates of Central Asian "
    "universities in the fields of “International relations” and “Regional studies” who are "
    "participating in the International School of Diplomacy and are in Moscow at the "
    "invitation of the Autonomous Nonprofit Organization ‘National Research Institute for the "
    "Development of Communications’ and the Centre for International Strategic Studies of the "
    "Diplomatic Academy of the Russian Ministry of Foreign Affairs."
)
GRADUATES_RU = (
    "25 июля 2024 года сотрудники Секретариата ОДКБ встретились с выпускниками вузов "
    "Центральной Азии по направлениям «Международные отношения» и «Регионоведение», которые "
    "участвуют в Международной школе дипломатии и находятся в Москве по приглашению "
    "Автономной некоммерческой организации «Национальный исследовательский институт развития "
    "коммуникаций» и Центра международных стратегических исследований Дипломатической академии "
    "МИД России."
)

STATEMENT_EN = (
    "Allow me to thank the Russian presidency of the United Nations Security Council for the "
    "invitation to take part in the debate on the interaction between the United Nations and "
    "regional organizations - the CSTO, the CIS and the SCO.",
    "I highly appreciate my participation in the meeting of the main body of the World "
    "Organization responsible for maintaining global peace and international security. I am "
    "convinced that today's debate will contribute to the development of new, additional "
    "mechanisms for United Nations cooperation with the CSTO, the CIS and the SCO - the leading "
    "regional organizations operating in the Eurasian security space.",
)
STATEMENT_RU = (
    "Позвольте поблагодарить российское председательство в Совете Безопасности Организации "
    "Объединенных Наций за приглашение принять участие в дебатах о взаимодействии Организации "
    "Объединенных Наций и региональных организаций — ОДКБ, СНГ и ШОС.",
    "Высоко ценю свое участие в заседании главного органа Всемирной организации, отвечающего "
    "за поддержание всеобщего мира и международной безопасности. Убежден, что сегодняшние "
    "дебаты будут способствовать выработке новых, дополнительных механизмов сотрудничества "
    "Организации Объединенных Наций с ОДКБ, СНГ и ШОС — ведущими региональными организациями, "
    "действующими в евразийском пространстве безопасности.",
)

DEBATE_EN = (
    "The CSTO Secretary General Imangali Tasmagambetov took part in the debate on “UN "
    "cooperation with regional organizations: the CSTO, the CIS and the SCO” held on 19 July "
    "2024 at the UN Security Council."
)
DEBATE_RU = (
    "Генеральный секретарь ОДКБ Имангали Тасмагамбетов принял участие в дебатах на тему "
    "«Сотрудничество ООН с региональными организациями: ОДКБ, СНГ и ШОС», состоявшихся "
    "19 июля 2024 года в Совете Безопасности ООН."
)

INTERVIEW_EN = (
    "Imangali Tasmagambetov, the Collective Security Treaty Organization Secretary General, "
    "told BELTA news agency correspondent whether the CSTO sought to become a counterweight to "
    "NATO, the situation in the East European region of collective security, the role of "
    "Belarus in the organization, and what initiative of the President of Belarus had become "
    "important and timely for the CSTO."
)
INTERVIEW_RU = (
    "Генеральный секретарь Организации Договора о коллективной безопасности Имангали "
    "Тасмагамбетов рассказал корреспонденту информационного агентства БЕЛТА, стремится ли ОДКБ "
    "стать противовесом НАТО, о ситуации в Восточноевропейском регионе коллективной "
    "безопасности, о роли Беларуси в организации и о том, какая инициатива Президента Беларуси "
    "стала важной и своевременной для ОДКБ."
)

PRESENTATION_EN = (
    "Imangali Nurgalievich TASMAGAMBETOV, appointed by the CSTO Collective Security Council to "
    "the post of Secretary General of the Collective Security Treaty Organization, was "
    "presented by Alexander Volfovich, Chairman of the Committee of Secretaries of Security "
    "Council (CSSC) and State Secretary of the Security Council on January 10, 2023.",
    '"The candidacy of Imangali Nurgaliyevich Tasmagambetov for this high post was nominated '
    "by the leadership of the Republic of Kazakhstan and approved by a decision of the CSTO "
    "Collective Security Council on November 23, 2022. He will serve for three years until "
    'December 31, 2025," Alexander Volfovich said. He noted that Tasmagambetov held various '
    "government positions in the Republic of Kazakhstan in different years, he was Assistant "
    "to the President of Kazakhstan, the head of the Presidential Administration, headed the "
    "Government of Kazakhstan, the Ministry of Defense, the Ministry of Education and Culture, "
    "and was Kazakhstan's Ambassador to Russia.",
    "\"I would especially like to note Imangali Nurgaliyevich's experience in the military and "
    "diplomatic sphere, which will certainly be in demand during the leadership of the CSTO, "
    "the key task of which is to ensure collective security. His vast experience as a "
    "politician and statesman allows us to be confident in the successful realization of the "
    "responsible mission of Secretary General of the CSTO entrusted to him. This will give a "
    "new impetus to our Organization in today's difficult times, increase the effectiveness of "
    "its response to contemporary challenges and threats, as well as strengthen the role and "
    "place of the CSTO in the system of international organizations responsible for "
    'maintaining regional security," the CSSC Chairman stressed.',
    "Addressing the members of the Permanent Council and Deputy Secretaries General, Chief of "
    "the Joint Staff and heads of subdivisions of the CSTO Secretariat, Imangali Tasmagambetov "
    "said that his appointment as CSTO Secretary General was a great honor and a great "
    'responsibility. "I would like to express my gratitude and appreciation to the heads of '
    "CSTO member states for the trust to head the Organization's working structure. The world "
    "is witnessing major geopolitical challenges, and very complex political, economic and "
    "other problems have to be solved. The CSTO faces no less complex tasks. All these "
    "challenges and problems affect the key role of our Organization, its authority and "
    "ability to be an effective mechanism to ensure regional security. Its further prestige "
    "and efficiency depend on us. Despite all the challenges, I am deeply convinced that there "
    'is no alternative for the CSTO, it is capable of handling the tasks entrusted to it," new '
    "CSTO Secretary General Imangali Tasmagambetov said.",
    "Imangali Tasmagambetov and Alexander Volfovich also had a bilateral meeting. The sides "
    "have discussed current international and regional security issues, exchanged views on "
    "the situation in the CSTO area of responsibility, discussed current challenges and threats "
    "in the Eastern European, Caucasus and Central Asian regions of collective security. "
    "Particular attention was paid to the coordination of efforts aimed at implementing the "
    "CSTO priorities in 2023.",
)
PRESENTATION_RU = (
    "Имангали Нургалиевич ТАСМАГАМБЕТОВ, назначенный Советом коллективной безопасности ОДКБ на "
    "должность Генерального секретаря Организации Договора о коллективной безопасности, был "
    "представлен 10 января 2023 года Председателем Комитета секретарей советов безопасности "
    "(КССБ), Государственным секретарем Совета Безопасности Александром Вольфовичем.",
    "«Кандидатура Имангали Нургалиевича Тасмагамбетова на этот высокий пост была выдвинута "
    "руководством Республики Казахстан и одобрена решением Совета коллективной безопасности "
    "ОДКБ 23 ноября 2022 года. Он будет работать три года, до 31 декабря 2025 года», — сказал "
    "Александр Вольфович. Он отметил, что Тасмагамбетов в разные годы занимал различные "
    "государственные должности в Республике Казахстан: был помощником Президента Казахстана, "
    "руководителем Администрации Президента, возглавлял Правительство Казахстана, Министерство "
    "обороны, Министерство образования и культуры, был Послом Казахстана в России.",
    "«Особо хотел бы отметить опыт Имангали Нургалиевича в военной и дипломатической сфере, "
    "который, безусловно, будет востребован при руководстве ОДКБ, ключевой задачей которой "
    "является обеспечение коллективной безопасности. Его огромный опыт политика и "
    "государственного деятеля позволяет нам быть уверенными в успешной реализации возложенной "
    "на него ответственной миссии Генерального секретаря ОДКБ. Это придаст новый импульс нашей "
    "Организации в нынешнее непростое время, повысит эффективность ее реагирования на "
    "современные вызовы и угрозы, а также укрепит роль и место ОДКБ в системе международных "
    "организаций, отвечающих за поддержание региональной безопасности», — подчеркнул "
    "Председатель КССБ.",
    "Обращаясь к членам Постоянного совета и заместителям Генерального секретаря, начальнику "
    "Объединенного штаба и руководителям подразделений Секретариата ОДКБ, Имангали "
    "Тасмагамбетов сказал, что назначение на должность Генерального секретаря ОДКБ для него — "
    "большая честь и большая ответственность. «Хотел бы выразить благодарность и "
    "признательность главам государств — членов ОДКБ за доверие возглавить рабочую структуру "
    "Организации. Мир переживает серьезные геополитические вызовы, приходится решать очень "
    "сложные политические, экономические и другие проблемы. Не менее сложные задачи стоят и "
    "перед ОДКБ. Все эти вызовы и проблемы затрагивают ключевую роль нашей Организации, ее "
    "авторитет и способность быть эффективным механизмом обеспечения региональной "
    "безопасности. От нас зависят ее дальнейший престиж и эффективность. Несмотря на все "
    "вызовы, я глубоко убежден, что ОДКБ нет альтернативы, она способна справиться с "
    "возложенными на нее задачами», — сказал новый Генеральный секретарь ОДКБ Имангали "
    "Тасмагамбетов.",
    "Имангали Тасмагамбетов и Александр Вольфович также провели двустороннюю встречу. Стороны "
    "обсудили актуальные вопросы международной и региональной безопасности, обменялись "
    "мнениями о ситуации в зоне ответственности ОДКБ, обсудили текущие вызовы и угрозы в "
    "Восточноевропейском, Кавказском и Центральноазиатском регионах коллективной безопасности. "
    "Особое внимание было уделено координации усилий, направленных на реализацию приоритетов "
    "ОДКБ в 2023 году.",
)

INTERVIEW = "interview-of-the-csto-secretary-general-to-belta"

NEWS = [
    {
        "slug": "csto-secretariat-staff-met-with-graduates-of-central-asian-universities",
        "kind": NewsItem.Kind.NEWS,
        "section": "secretariat",
        "day": dt.date(2024, 7, 25),
        **tr(
            "title",
            "Staff of the CSTO Secretariat met with graduates of Central Asian universities",
            "Сотрудники Секретариата ОДКБ встретились с выпускниками вузов Центральной Азии",
        ),
        **tr(
            "lead",
            "On 25 July 2024, staff of the CSTO Secretariat met with graduates of Central Asian "
            "universities in the fields of “International relations” and “Regional studies”.",
            "25 июля 2024 года сотрудники Секретариата ОДКБ встретились с выпускниками вузов "
            "Центральной Азии по направлениям «Международные отношения» и «Регионоведение».",
        ),
        **tr("body", paragraphs(GRADUATES_EN), paragraphs(GRADUATES_RU)),
        "people": [],
        "event": GRADUATES_MEETING,
    },
    {
        "slug": "statement-by-the-csto-secretary-general-at-the-un-security-council-debate",
        "kind": NewsItem.Kind.STATEMENT,
        "section": "international-cooperation",
        "day": dt.date(2024, 7, 19),
        **tr(
            "title",
            "Statement by the CSTO Secretary General Imangali Tasmagambetov at the UN Security "
            "Council debate",
            "Выступление Генерального секретаря ОДКБ Имангали Тасмагамбетова на дебатах в Совете "
            "Безопасности ООН",
        ),
        **tr("lead", STATEMENT_EN[0], STATEMENT_RU[0]),
        **tr("body", paragraphs(*STATEMENT_EN), paragraphs(*STATEMENT_RU)),
        "people": [TASMAGAMBETOV],
        "event": UNSC_DEBATE,
    },
    {
        "slug": "csto-secretary-general-took-part-in-the-un-security-council-debate",
        "kind": NewsItem.Kind.NEWS,
        "section": "international-cooperation",
        "day": dt.date(2024, 7, 19),
        **tr(
            "title",
            "The CSTO Secretary General Imangali Tasmagambetov took part in the debate at the "
            "UN Security Council",
            "Генеральный секретарь ОДКБ Имангали Тасмагамбетов принял участие в дебатах в Совете "
            "Безопасности ООН",
        ),
        **tr("lead", DEBATE_EN, DEBATE_RU),
        **tr("body", paragraphs(DEBATE_EN), paragraphs(DEBATE_RU)),
        "people": [TASMAGAMBETOV],
        "event": UNSC_DEBATE,
    },
    {
        "slug": INTERVIEW,
        "kind": NewsItem.Kind.INTERVIEW,
        "section": "secretary-general",
        # The seed gives no date for the interview, and none is invented here: the item is
        # published at the moment the demo is first loaded, and later runs keep that time.
        "day": None,
        **tr(
            "title",
            "Interview of the CSTO Secretary General Imangali Tasmagambetov to BELTA news agency",
            "Интервью Генерального секретаря ОДКБ Имангали Тасмагамбетова информационному "
            "агентству БЕЛТА",
        ),
        **tr(
            "lead",
            "Imangali Tasmagambetov, the Collective Security Treaty Organization Secretary "
            "General, told BELTA news agency correspondent whether the CSTO sought to become a "
            "counterweight to NATO.",
            "Генеральный секретарь Организации Договора о коллективной безопасности Имангали "
            "Тасмагамбетов рассказал корреспонденту информационного агентства БЕЛТА, стремится "
            "ли ОДКБ стать противовесом НАТО.",
        ),
        **tr("body", paragraphs(INTERVIEW_EN), paragraphs(INTERVIEW_RU)),
        "people": [TASMAGAMBETOV],
        "event": None,
    },
    {
        "slug": "newly-appointed-secretary-general-presented",
        "kind": NewsItem.Kind.NEWS,
        "section": "secretary-general",
        "day": dt.date(2023, 1, 10),
        **tr(
            "title",
            "The Newly appointed CSTO Secretary General Imangali TASMAGAMBETOV was presented to "
            "the CSTO Secretariat and members of the Organization's Permanent Council",
            "Вновь назначенный Генеральный секретарь ОДКБ Имангали ТАСМАГАМБЕТОВ представлен "
            "Секретариату ОДКБ и членам Постоянного совета Организации",
        ),
        **tr("lead", PRESENTATION_EN[0], PRESENTATION_RU[0]),
        **tr("body", paragraphs(*PRESENTATION_EN), paragraphs(*PRESENTATION_RU)),
        "people": [TASMAGAMBETOV, VOLFOVICH],
        "event": PRESENTATION,
    },
]

NEWS_HOUR = 10  # dated items are published at 10:00 local time on their day

# -- Synthetic items for volume tests ---------------------------------------------------

SYNTHETIC_PREFIX = "synthetic-"
# Item n is published (n - 1) * 6 hours before this fixed local time, so the same N always
# gives the same dates, all in the past and all older than the seed's latest dated item.
SYNTHETIC_ANCHOR = (dt.date(2024, 7, 25), 3)
SYNTHETIC_STEP = dt.timedelta(hours=6)
SYNTHETIC_BATCH = 1000


class Tally:
    """Created and updated counts per kind of object, for the summary line."""

    def __init__(self):
        self.counts = {}

    def add(self, label, created):
        done = self.counts.setdefault(label, [0, 0])
        done[0 if created else 1] += 1

    def __str__(self):
        return "; ".join(
            f"{label} {created} created, {updated} updated"
            for label, (created, updated) in self.counts.items()
        )


def split(record, *keys):
    """``record`` without ``keys``, and the values of ``keys``."""
    fields = {k: v for k, v in record.items() if k not in keys}
    return fields, [record.get(k) for k in keys]


def load_seed():
    tally = Tally()

    sections = {}
    for record in SECTIONS:
        fields, (slug,) = split(record, "slug")
        sections[slug], created = Section.objects.update_or_create(slug=slug, defaults=fields)
        tally.add("sections", created)

    people = {}
    for record in PEOPLE:
        fields, (slug, positions, contacts) = split(record, "slug", "positions", "contacts")
        person, created = Person.objects.update_or_create(
            slug=slug, defaults={**fields, "is_public": True}
        )
        people[slug] = person
        tally.add("people", created)
        for position in positions or []:
            fields, (title_en,) = split(position, "title_en")
            _, created = Position.objects.update_or_create(
                person=person, title_en=title_en, defaults=fields
            )
            tally.add("positions", created)
        for contact in contacts or []:
            fields, (kind,) = split(contact, "kind")
            _, created = Contact.objects.update_or_create(person=person, kind=kind, defaults=fields)
            tally.add("contacts", created)

    events = {}
    for record in EVENTS:
        fields, (slug, day, participants) = split(record, "slug", "day", "participants")
        fields.update(
            start=local_datetime(day, 0, 0),
            end=local_datetime(day, 23, 59),
            all_day=True,
            is_public=True,
        )
        event, created = Event.objects.update_or_create(slug=slug, defaults=fields)
        event.participants.set([people[p] for p in participants])
        events[slug] = event
        tally.add("events", created)

    for record in NEWS:
        fields, (slug, section, day, persons, event) = split(
            record, "slug", "section", "day", "people", "event"
        )
        fields.update(
            section=sections[section],
            event=events[event] if event else None,
            status=NewsItem.Status.PUBLISHED,
        )
        if day is not None:
            fields["published_at"] = local_datetime(day, NEWS_HOUR)
            item, created = NewsItem.objects.update_or_create(slug=slug, defaults=fields)
        else:
            # No date in the seed: publish at the first load, keep that time afterwards.
            item, created = NewsItem.objects.update_or_create(
                slug=slug,
                defaults=fields,
                create_defaults={**fields, "published_at": timezone.now()},
            )
        item.people.set([people[p] for p in persons])
        tally.add("news items", created)

    return tally


def synthetic_items(numbers, sections):
    kinds = list(NewsItem.Kind)
    anchor = local_datetime(*SYNTHETIC_ANCHOR)
    for n in numbers:
        title_en = f"Synthetic news item {n}"
        title_ru = f"Синтетическая новость {n}"
        lead_en = f"Synthetic news item {n}, generated for volume tests."
        lead_ru = f"Синтетическая новость {n}, созданная для нагрузочных тестов."
        body_en = f"<p>{lead_en} It is not real news.</p>"
        body_ru = f"<p>{lead_ru} Это не настоящая новость.</p>"
        # bulk_create bypasses save(): every column is filled here, the bare ones included.
        yield NewsItem(
            slug=f"{SYNTHETIC_PREFIX}{n}",
            kind=kinds[(n - 1) % len(kinds)],
            section=sections[(n - 1) % len(sections)],
            title=title_en,
            title_en=title_en,
            title_ru=title_ru,
            lead=lead_en,
            lead_en=lead_en,
            lead_ru=lead_ru,
            body=body_en,
            body_en=body_en,
            body_ru=body_ru,
            status=NewsItem.Status.PUBLISHED,
            published_at=anchor - (n - 1) * SYNTHETIC_STEP,
        )


def synthetic_queryset():
    return NewsItem.objects.filter(slug__startswith=SYNTHETIC_PREFIX)


def create_synthetic(count):
    """Create synthetic items 1..count that do not exist yet; return (created, skipped)."""
    slugs = [record["slug"] for record in SECTIONS]
    sections = sorted(Section.objects.filter(slug__in=slugs), key=lambda s: slugs.index(s.slug))
    existing = set(synthetic_queryset().values_list("slug", flat=True))
    missing = (n for n in range(1, count + 1) if f"{SYNTHETIC_PREFIX}{n}" not in existing)
    items = synthetic_items(missing, sections)
    created = 0
    while batch := list(islice(items, SYNTHETIC_BATCH)):
        NewsItem.objects.bulk_create(batch)
        created += len(batch)
    return created, count - created


def clear_synthetic():
    _total, per_model = synthetic_queryset().delete()
    return per_model.get(NewsItem._meta.label, 0)


class Command(BaseCommand):
    help = (
        "Load (or refresh) the demo content from the seed press-centre pages, in English and "
        "Russian. Safe to run again: it updates the rows instead of duplicating them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--synthetic",
            type=int,
            default=0,
            metavar="N",
            help="Also create N synthetic published news items (synthetic-1 ... synthetic-N) "
            "for volume tests; items that already exist are skipped.",
        )
        parser.add_argument(
            "--clear-synthetic",
            action="store_true",
            help="Delete the synthetic news items (before creating any asked for by --synthetic).",
        )

    def handle(self, *args, **options):
        count = options["synthetic"]
        if count < 0:
            raise CommandError("--synthetic takes a number of items: 0 or more.")
        # The bare (untranslated) columns take the default language's text.
        with translation.override(settings.LANGUAGE_CODE):
            with transaction.atomic():
                tally = load_seed()
            deleted = created = skipped = 0
            if options["clear_synthetic"]:
                with transaction.atomic():
                    deleted = clear_synthetic()
            if count:
                with transaction.atomic():
                    created, skipped = create_synthetic(count)
        summary = f"Demo content: {tally}."
        if options["clear_synthetic"] or count:
            summary += (
                f" Synthetic news items: {created} created, {skipped} already there, "
                f"{deleted} deleted."
            )
        self.stdout.write(summary)
