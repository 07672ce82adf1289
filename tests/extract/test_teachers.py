"""Teacher entities: titles, lists, field lines, anonymised and split names, students, non-names."""
import random
import re
import time

import numpy as np
import pytest

from pipeline.extract.names import load_lexicon
from pipeline.extract.fields import _field_regex
from pipeline.extract.teachers import _title_before_regex, _title_regex, find_teachers


def people(text, tokens=None):
    """(type, name, role) of each person found, after checking offsets (a padded 沈 伟 is named 沈伟)."""
    found = find_teachers(text, tokens)
    for e in found:
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["name"] == "".join(e["text"].split())
    return [(e["type"], e["name"], e["role"]) for e in found]


def teachers(text):
    """Names of the teachers found."""
    return [name for kind, name, _ in people(text) if kind == "teacher"]


@pytest.mark.parametrize("text,expected", [
    ("本次活动由潘俊良老师带领孩子们探索。", [("teacher", "潘俊良", "老师")]),
    ("潘老师让学生默读课文。", [("teacher", "潘", "老师")]),
    ("由李校长、戴校长、卢主任、李主任构成听课小组。",
     [("teacher", "李", "校长"), ("teacher", "戴", "校长"), ("teacher", "卢", "主任"), ("teacher", "李", "主任")]),
    ("分管教学工作的陈彦副校长和钟天寿副校长也提出了要求。",
     [("teacher", "陈彦", "副校长"), ("teacher", "钟天寿", "副校长")]),
    ("拜师会由我校副校长陈彦主持。", [("teacher", "陈彦", "副校长")]),
    ("邀请了教育局办公室林忠玲主任来校讲学。", [("teacher", "林忠玲", "主任")]),
    ("化学教研员刘四方和参会教师一致好评。", [("teacher", "刘四方", "教研员")]),
    ("会议开始，郭z校长代表学校讲话。", [("teacher", "郭z", "校长")]),
    ("本次活动由杨x老师主持，王xx校长致辞。", [("teacher", "杨x", "老师"), ("teacher", "王xx", "校长")]),
    ("在本轮市优质课评比中，我校教师李xx接二连三获得一等奖。", [("teacher", "李xx", "教师")]),  # two blanks end it
    ("我们请来了特级教师于永正老师上示范课。", [("teacher", "于永正", "老师")]),
    ("感谢马校长的支持。", [("teacher", "马", "校长")]),
    ("教研室主任方明同志到校检查工作。", [("teacher", "方明", "同志")]),
    ("本学期将继续共读朱永新先生的《新教育》一书。", [("teacher", "朱永新", "先生")]),
    ("班主任王明老师和向李华老师学习。", [("teacher", "王明", "老师"), ("teacher", "李华", "老师")]),
    ("王明等老师参加了培训。", [("teacher", "王明", None)]),
    ("践行陶行知先生的理念。", [("teacher", "陶行知", "先生")]),
    ("“黄丽工作室”成员闵建明老师的徒弟范芳老师也参与了。",
     [("teacher", "黄丽", None), ("teacher", "闵建明", "老师"), ("teacher", "范芳", "老师")]),
])
def test_titles(text, expected):
    assert people(text) == expected


def test_name_list_before_a_title():
    assert teachers("我校张红芳、陈永祥、房玉老师分别执教了研究课。") == ["张红芳", "陈永祥", "房玉"]


@pytest.mark.parametrize("text,expected", [
    ("派张杰、陆春芬二位老师去北京学习。", ["张杰", "陆春芬"]),
    ("物理组孙洪顺、刘玉兰、袁晓伟、郅雪峰、纪海霞、刘瑛；化学组魏强、付秀华",
     ["孙洪顺", "刘玉兰", "袁晓伟", "郅雪峰", "纪海霞", "刘瑛", "魏强", "付秀华"]),
    ("教师有：张洪岩88节、王国奇82节、朱向莲77节等。", ["张洪岩", "王国奇", "朱向莲"]),
    ("推荐了涂天龙、李贤勇、赵成平和邬亚祥六位教师为教学标兵。", ["涂天龙", "李贤勇", "赵成平", "邬亚祥"]),
    ("5、 认真组织张良国、张贤卓、金黎三名同志参加比赛。", ["张良国", "张贤卓", "金黎"]),
    ("对王国奇、_岩、刘玉兰等提出表扬。", ["王国奇", "_岩", "刘玉兰"]),
    ("王西全、崔国瑞——英语，毛振法、李少意——史、地、政。", ["王西全", "崔国瑞", "毛振法", "李少意"]),
    ("王明、李娜两位老师执教。", ["王明", "李娜"]),
    ("本学期欧阳娜娜、上官婉两位老师调入，由欧阳老师带班。", ["欧阳娜娜", "上官婉", "欧阳"]),  # compound surnames
    ("学科带头人茅之怡、王之怡两位老师执教。", ["茅之怡", "王之怡"]),  # 之 in the middle of a given name
    ("副组长：黄欣萍副校长、付月老师；王秋月、付明月两位老师上课。", ["黄欣萍", "付月", "王秋月", "付明月"]),  # 月 ends names
    # an item that ends one list and opens the next
    ("新教师王国娣、刘颖、刘建的汇报课和李宏梅、陈严两位调入教师的公开课。", ["王国娣", "刘颖", "刘建", "李宏梅", "陈严"]),
    ("王国娣、刘颖、刘建执教汇报课和高效课堂、小组合作的研讨。", ["王国娣", "刘颖", "刘建"]),
    ("推荐了张三丰、王明、李娜和李华四位教师。", ["张三丰", "王明", "李娜", "李华"]),
    # a prize list whose two-character names are padded to three (刘 帆): each is one name
    ("一等奖：马凤婷、刘 帆、李 栋、王 历\n马 伟、杨 明、姚美丽、王 梅", ["马凤婷", "刘帆", "李栋", "王历", "马伟", "杨明", "姚美丽", "王梅"]),
    # a count of teachers equal to the list's length vouches for names that are words
    ("本学期吴风琴、成群两位老师获得一等奖。", ["吴风琴", "成群"]),
    ("张贴宣传画；白云、黄山两位老师负责。", ["白云", "黄山"]),
])
def test_bare_name_lists(text, expected):
    assert teachers(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("组长：王建民", [("teacher", "王建民", "组长")]),
    ("副组长：赵林峰、王双全", [("teacher", "赵林峰", "副组长"), ("teacher", "王双全", "副组长")]),
    ("副组长：谭x谢x", [("teacher", "谭x", "副组长"), ("teacher", "谢x", "副组长")]),
    ("《教学研究》课题负责人：汪智源唐爱民；", [("teacher", "汪智源", "课题负责人"), ("teacher", "唐爱民", "课题负责人")]),
    ("执教：孙海燕 评课：李建国", [("teacher", "孙海燕", "执教"), ("teacher", "李建国", "评课")]),
    ("组长：陈衍副组长：吴志进、蒋招品成员：闫建选、", [("teacher", "陈衍", "组长"), ("teacher", "吴志进", "副组长"),
                                            ("teacher", "蒋招品", "副组长"), ("teacher", "闫建选", "成员")]),  # glued fields
    ("马梦瑶（指导教师：汪若冰）获一等奖，朱璐（指导教师：谢改欣）获二等奖。",  # pupils before a bracketed advisor
     [("teacher", "汪若冰", "指导教师"), ("teacher", "谢改欣", "指导教师")]),
    ("根据《通知》（温教师〔2019〕63号）精神。", []),  # a file number
    ("师傅：张红 徒弟：刘洋", [("teacher", "张红", "师傅"), ("teacher", "刘洋", "徒弟")]),  # 师徒结对
    ("本次点评：专家们一致认为很好", []),
    ("成员：全体教师", []),
    ("成员：各教研组长", []),
])
def test_field_lines(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("xx老师对本次活动进行了点评。", []),
    ("XX校长作了讲话。", []),
    ("组织xx老师参加培训。", []),
])
def test_wholly_anonymised_names_no_one(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "老师们积极参与，全体老师都写了反思，各位老师认真备课。",
    "青年教师、骨干教师和班主任老师都参加了培训，数学老师和英语老师也参加了。",
    "每位老师都发表了看法，上课老师认真对待，听课老师写了体会。",
    "教研组长、备课组长会议；年组长负责；各组长按计划组织。",
    "成立了以校长为组长，教导主任为副组长的领导小组，分管校长带领。",
    "向老师们学习，同时给老师提出了要求，和老师一起研究。",
    "提高全体教师的科研素质，培养一支优秀教师群体，经常观摩教师的课例。",
    "按照“边培训、边实践、边研究、边总结、边提高”的思路。",
    "通过听课、评课、说课等活动；高效课堂、小组合作成为关键词。",
    "江苏、浙江、上海的名校都来交流；在杜郎口、昌乐二中学习。",
    "获得金奖、银奖、铜奖各一项。",
    "张贴、悬挂宣传画；白云、黄山两处景点。",
    "白云、黄山、泰山两位老师。",  # the count does not match the list: no item is vouched for
    "以习近平同志为核心的党中央；学习雷锋同志；毛主席说；邓小平同志指出。",
    "开展骨干老师示范课活动，历史老师和音乐老师参加。",
    "本月老师们积极参加教研，上月老师们写了反思，每月老师都要上一节课。",
    "会议由承波副校长主持。",  # 由 is the preposition; 承 is no surname the lexicon knows
    "临沂师范学院教授、城关中学校长和北京大学博士到校指导。",  # an institution before a title is no name
])
def test_not_names(text):
    assert people(text) == []


@pytest.mark.parametrize("text,expected", [
    ("郭欣宸等10名学生荣获一等奖。", [("student", "郭欣宸", None)]),
    ("王文馨等200多名学生书法作品获奖。", [("student", "王文馨", None)]),
    ("杨骁同学的《孩童吸汗贴》获一等奖。", [("student", "杨骁", None)]),
    ("学生张小明、李华同学在比赛中获奖。", [("student", "张小明", None), ("student", "李华", None)]),
    ("学生张小明、李华在比赛中获奖。", [("student", "张小明", None), ("student", "李华", None)]),
    ("学生王明获一等奖。", [("student", "王明", None)]),
    ("新郑市级让光辉等5人。", [("teacher", "让光辉", None)]),
])
def test_students_are_never_teachers(text, expected):
    assert people(text) == expected


def test_split_names_found_on_characters():
    # the segmenter split 童明星 into 童 / 明星 (a star): characters still give the name
    text = "童明星、杨萍等25位教师的论文获奖。"
    tokens = {"start": np.array([0, 1, 3, 4, 6]), "end": np.array([1, 3, 4, 6, 7]),
              "pos": np.array(["nr", "n", "x", "nr", "u"])}
    assert [n for _, n, _ in people(text, tokens)] == ["童明星", "杨萍"]


def test_person_tags_of_dictionary_words_do_not_make_names():
    # jieba tags 高超 (superb) and 荣誉 (honour) nr from its dictionary: not people here
    text = "这些教师工作的勤奋、业务水平的高超、荣誉的取得，也是我们学习的榜样。"
    tokens = {"start": np.array([15, 18]), "end": np.array([17, 20]), "pos": np.array(["nr", "nr"])}
    assert people(text, tokens) == []


def test_placeholder_flag():
    (e,) = find_teachers("郭z校长讲话。")
    assert e["placeholder"] is True
    (e,) = find_teachers("郭光恒校长讲话。")
    assert e["placeholder"] is False


@pytest.mark.parametrize("line", [
    "、" * 100_000,
    "张、" * 50_000,
    "老师" * 50_000,
    "组长：" * 30_000,
    "王明" * 50_000,
    "1" * 100_000,
    "张红芳、陈永祥、" * 12_500,
    "等10名学生" * 15_000,
    "组 " * 50_000,
    " " * 100_000,
    "成  员：沈 伟 " * 10_000,
    "员：王明\n" * 15_000,
    "成员：王明\n" + "李华\n" * 30_000,
    "沈 " * 50_000,
    "小学王明" + " " * 100_000,
    "中心小学钟明书\n" * 10_000,
    "王明等3校共" * 15_000,
    "特级教师肖培" * 15_000,
])
def test_linear_on_adversarial_lines(line):
    t = time.perf_counter()
    find_teachers(line)
    assert time.perf_counter() - t < 5.0


def _plain_spans(words, text):
    """Spans the plain alternation of the words (in their order) finds."""
    return [m.span() for m in re.finditer("|".join(map(re.escape, words)), text)]


def _random_text(rng, words, n=300):
    """Words, pieces of words, surnames and filler glued together at random."""
    pool = list(words) + [w[k:] for w in words for k in range(1, len(w))] + list("王李陈们的、，：为是x\n")
    return "".join(rng.choice(pool) for _ in range(n))


@pytest.mark.parametrize("words", [
    ("名师工作室", "副主任", "工作室", "班主任", "副校长", "主任", "校长", "老师", "教师", "同志"),
    ("主任", "任务", "务必"),  # overlapping titles
    ("教研员", "教研", "教"),  # prefixes
])
def test_title_regexes_find_what_the_plain_alternation_finds(words):
    lex = load_lexicon()
    rng = random.Random(7)
    for _ in range(200):
        text = _random_text(rng, words)
        plain = _plain_spans(words, text)
        assert [m.span() for m in _title_regex(words).finditer(text)] == plain
        # only where a surname or a blank follows; 们 is no surname
        followed = [(p, q) for p, q in plain if text[q:q + 1] in lex.heads]
        found = [m.span() for m in _title_before_regex(words, lex.heads).finditer(text)]
        assert [(p, q) for p, q in found if text[q:q + 1] in lex.heads] == followed


def test_title_before_regex_filters_only_lists_without_overlaps():
    lex = load_lexicon()
    assert _title_before_regex(("副校长", "校长"), lex.heads) is not _title_regex(("副校长", "校长"))
    for words in (("主任", "任务"), ("教研员", "教研"), ("学科带头人", "带头")):
        assert _title_before_regex(words, lex.heads) is _title_regex(words)


def test_field_regex_finds_what_the_plain_alternation_finds():
    labels = ("课题负责人", "负责人", "副组长", "组长", "成员", "执教者", "执教")
    people = [t for t in labels if t.endswith(("人", "者", "师", "长"))]
    pad = "[ \u3000]*"  # alignment spaces between a label's characters and before its colon: 组  长 ：

    def padded(t):
        return pad.join(map(re.escape, t))

    plain = re.compile("|".join([padded(t) + pad + "[:：]" for t in labels] + [padded(t) + "(?:为|是)" for t in people]))
    rng = random.Random(11)
    for _ in range(200):
        text = _random_text(rng, labels + (" ", "\u3000"))
        assert [m.span() for m in _field_regex(labels).finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text,expected", [
    # school roles before a name, with no follower word closing it: a dictionary word does
    ("下午，特级教师钱思远引领大家研读教材。", [("teacher", "钱思远", "特级教师")]),
    ("区名师孟佳怡还为青年教师上了示范课。", [("teacher", "孟佳怡", "名师")]),
    ("县教研员罗文涛深入课堂听课。", [("teacher", "罗文涛", "教研员")]),
    ("教导主任韩立平定期检查教案。", [("teacher", "韩立平", "教导主任")]),
    ("教务主任苏婷负责排课。", [("teacher", "苏婷", "教务主任")]),
    ("工会主席邱建军组织教职工趣味运动会。", [("teacher", "邱建军", "工会主席")]),
    ("年级组长杜鹏召开学生会议。", [("teacher", "杜鹏", "年级组长")]),
    ("校长助理黎明辉主持会议。", [("teacher", "黎明辉", "校长助理")]),
    ("辅导员龚晓燕指导队会。", [("teacher", "龚晓燕", "辅导员")]),
    ("教科室主任葛宏伟撰写了课题方案。", [("teacher", "葛宏伟", "教科室主任")]),
    ("省教科院研究员汪振华作专题讲座。", [("teacher", "汪振华", "研究员")]),
    ("华东师大副教授莫晓兰点评了三节课。", [("teacher", "莫晓兰", "副教授")]),
    ("德育主任严思琪布置了任务。", [("teacher", "严思琪", "德育主任")]),
    ("主任侯刚检查工作。", [("teacher", "侯刚", "主任")]),
    # a verb after a two-character name is not its third character
    ("名师李磊做专题讲座。", [("teacher", "李磊", "名师")]), ("特级教师肖东主讲示范课。", [("teacher", "肖东", "特级教师")]),
    # the same roles after the name
    ("会上，韩立平教导主任、邱建军工会主席和莫晓兰副教授分别发言。",
     [("teacher", "韩立平", "教导主任"), ("teacher", "邱建军", "工会主席"), ("teacher", "莫晓兰", "副教授")]),
])
def test_school_roles_around_a_name(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "教学主任查中层干部的听课笔记。",  # 中层 is a common word, no given name
    "由校长任组长，副校长任副组长，教导主任任成员。",  # 任: the verb "serve as"
    "争做新时代好老师。",  # 代 ends the word 时代
    "教授方法比传授知识更重要。",
    "校长高度重视，主任亲自抓，教研员深入课堂，专家高度评价，名师成长工作室。",
    "教导主任负责教学常规，特级教师示范课，工会主席团，辅导员培训，研究员职称。",
    "代表学校参加比赛的老师们，代课老师，现代教育技术，历代名师，储备人才。",
])
def test_roles_without_a_name(text):
    assert people(text) == []


@pytest.mark.parametrize("text,expected", [
    # a count of schools between 等 and the people
    ("城关中学俞光辉等3校共6位老师获二等奖。", [("teacher", "俞光辉", None)]),
    ("实验小学蒋静等2所学校5名教师参赛。", [("teacher", "蒋静", None)]),
    ("邵小雨等3校共9名学生获奖。", [("student", "邵小雨", None)]),
    # anonymised names: a less common surname, or one given character kept
    ("代x老师获优质课一等奖。", [("teacher", "代x", "老师")]),
    ("代x、孙xx、周x三位老师参加培训。", [("teacher", "代x", None), ("teacher", "孙xx", None), ("teacher", "周x", None)]),
    ("王晓x、陈x、刘xx三位老师被评为优秀班主任。",
     [("teacher", "王晓x", None), ("teacher", "陈x", None), ("teacher", "刘xx", None)]),
    ("龚建x老师上了示范课。", [("teacher", "龚建x", "老师")]),
    ("感谢x老师的帮助；向xx老师学习；语文x老师；全校xx老师；高一x老师。", []),
])
def test_counted_and_anonymised_names(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text,expected", [
    # labels and two-character names padded with spaces to one width; lines of names continue the list
    ("组  长：韦志刚\n副组长：严 斌\n成  员：龚丽萍  滕明亮  欧阳靖\n林 涛\n二、工作目标",
     [("teacher", "韦志刚", "组长"), ("teacher", "严斌", "副组长"), ("teacher", "龚丽萍", "成员"),
      ("teacher", "滕明亮", "成员"), ("teacher", "欧阳靖", "成员"), ("teacher", "林涛", "成员")]),
    # bracketed roles after the names
    ("组 长：庞晓东（校长）\n副组长：符丽（副校长）\n成 员：施雨（教导主任）卢刚（总务主任）\n吕芳 翟建国 蒋欣（教研组长）\n2、职责",
     [("teacher", "庞晓东", "组长"), ("teacher", "符丽", "副组长"), ("teacher", "施雨", "成员"),
      ("teacher", "卢刚", "成员"), ("teacher", "吕芳", "成员"), ("teacher", "翟建国", "成员"), ("teacher", "蒋欣", "成员")]),
    # a field ends at the next label
    ("组长：鲁志远，成员：柳青、焦阳。", [("teacher", "鲁志远", "组长"), ("teacher", "柳青", "成员"), ("teacher", "焦阳", "成员")]),
    # labels known by their ending
    ("联络员：俞海波、祁晓梅", [("teacher", "俞海波", "联络员"), ("teacher", "祁晓梅", "联络员")]),
    ("评课专家：尹振宇\n执教老师：邓佳宁", [("teacher", "尹振宇", "评课专家"), ("teacher", "邓佳宁", "执教老师")]),
    ("组长：吴昊  联络员：俞海波\n副 组 长：邓佳宁",
     [("teacher", "吴昊", "组长"), ("teacher", "俞海波", "联络员"), ("teacher", "邓佳宁", "副组长")]),
    # no names, pupils, or a line that is no name
    ("少先队员：张小明、李小红", [("student", "张小明", None), ("student", "李小红", None)]),
    ("参训教师：全体语文教师\n信息员：每班一名", []),
    ("组长：鲁志远\n高效课堂\n", [("teacher", "鲁志远", "组长")]),
    ("成员：全体教师\n何平\n每周集体备课一次。", []),
])
def test_aligned_field_lists(text, expected):
    assert people(text) == expected


def test_padded_name_spans_its_space():
    text = "副组长：严 斌"
    (e,) = find_teachers(text)
    assert (e["start"], e["end"], e["text"], e["name"]) == (4, 7, "严 斌", "严斌")


@pytest.mark.parametrize("text,expected", [
    ("浅谈小学作文教学\n城南实验小学 邵雨桐\n各位老师：", [("teacher", "邵雨桐", None)]),
    ("如何上好复习课\n河西区教研室冯振宇\n", [("teacher", "冯振宇", None)]),
    ("一、加强学校管理\n走进中学时代\n某镇中学党支部\n某镇小学教导处\n附属中学高中部\n某县教育局关工委", []),
    ("本学期我们邀请了城南实验小学的老师来我校交流，市区中学龚志明", []),  # a long line is no byline
    ("数学教研组工作总结\n丽华三小 丁红枫 2022.6\n紧张的一学年过去了。", [("teacher", "丁红枫", None)]),  # dated
    ("数学教研组工作总结\n城南小学 邵雨桐 2023年6月\n", [("teacher", "邵雨桐", None)]),
    ("数学教研组工作总结\n丽华三小 丁红枫2022.6\n", [("teacher", "丁红枫", None)]),  # as normalised: no space before digits
    ("我们去了三小参观\n学习了三小 经验\n城南小学 2023年6月", []),  # a numbered school needs a name after a space
])
def test_bylines(text, expected):
    assert people(text) == expected


BODY = "本学期，我们化学组认真落实学校工作计划。\n一、加强理论学习\n组织教师学习课程标准。\n二、开展教研活动\n每周集体备课一次。"


@pytest.mark.parametrize("text,expected", [
    ("梁晓华\n" + BODY, [("teacher", "梁晓华", None)]),  # under the title, which ingest moved to documents.title
    ("城南小学化学组\n梁 晓 华\n" + BODY, [("teacher", "梁晓华", None)]),
    (BODY + "\n城南小学化学组\n梁晓华", [("teacher", "梁晓华", None)]),  # signed at the end
    (BODY + "\n梁晓华\n2023年6月", [("teacher", "梁晓华", None)]),  # signed and dated
    ("附件\n" + BODY + "\n高三组\n教导处", []),  # office and group names are no names
    (BODY.replace("一、加强理论学习", "一、加强理论学习\n梁晓华"), []),  # mid-document: a table cell, not the author
])
def test_author_alone_on_a_line(text, expected):
    assert people(text) == expected


def test_names_inside_a_book_title_are_no_teachers():
    found = find_teachers("潘慧玲老师执教的《连加、连减》一课，获得好评；《王老师的一天》读后感。")
    assert [(e["name"], e["role"]) for e in found] == [("潘慧玲", "老师")]


def test_ren_after_any_head_is_the_verb_serve_as():
    assert find_teachers("成立检查小组，由片长任组长，园长任副组长。") == []
    assert [e["name"] for e in find_teachers("会上，任组长作了总结。")] == ["任"]


def test_a_padded_name_in_a_list_spans_its_space():
    text = "一等奖：马凤婷、刘 帆、李 栋"
    found = [(e["start"], e["end"], e["text"], e["name"]) for e in find_teachers(text)]
    assert found == [(4, 7, "马凤婷", "马凤婷"), (8, 11, "刘 帆", "刘帆"), (12, 15, "李 栋", "李栋")]
