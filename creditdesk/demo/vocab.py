"""Vocabularies of the demo city (福州): places, names, authorities, record texts.

Plain data, read by :mod:`creditdesk.demo.city`. Every list here is part of the
generator's output: changing an entry changes the generated city (the tests
pin determinism per version of this file, not across edits).
"""

from __future__ import annotations

from typing import NamedTuple


class District(NamedTuple):
    code: str  # GB/T 2260
    name: str  # 鼓楼区
    full: str  # 福州市鼓楼区 — as it prefixes names and authorities
    abbr: str  # 鼓 — as it prefixes 文号
    court: str
    court_code: str  # 闽0102 — as it appears in 案号
    weight: int  # share of the city's market entities (per mille, roughly)
    places: tuple[str, ...]  # 街道 / 乡镇 names


DISTRICTS: tuple[District, ...] = (
    District("350102", "鼓楼区", "福州市鼓楼区", "鼓", "福州市鼓楼区人民法院", "闽0102", 14,
             ("东街", "南街", "温泉", "鼓东", "鼓西", "华大", "水部", "五凤", "安泰", "洪山", "屏山", "五四")),
    District("350103", "台江区", "福州市台江区", "台", "福州市台江区人民法院", "闽0103", 10,
             ("瀛洲", "后洲", "义洲", "新港", "上海", "苍霞", "茶亭", "洋中", "鳌峰", "宁化", "达道", "江滨")),
    District("350104", "仓山区", "福州市仓山区", "仓", "福州市仓山区人民法院", "闽0104", 14,
             ("仓前", "上渡", "下渡", "对湖", "临江", "三叉街", "东升", "金山", "盖山", "建新", "城门", "螺洲", "红星", "首山")),
    District("350105", "马尾区", "福州市马尾区", "马", "福州市马尾区人民法院", "闽0105", 6,
             ("罗星", "马尾", "亭江", "琅岐", "快安", "儒江")),
    District("350111", "晋安区", "福州市晋安区", "晋", "福州市晋安区人民法院", "闽0111", 13,
             ("茶园", "王庄", "象园", "鼓山", "新店", "岳峰", "宦溪", "寿山", "日溪", "北峰", "连潘", "福新")),
    District("350112", "长乐区", "福州市长乐区", "长", "福州市长乐区人民法院", "闽0112", 8,
             ("吴航", "航城", "营前", "漳港", "金峰", "潭头", "梅花", "江田", "古槐", "文岭", "鹤上", "玉田", "松下", "首占")),
    District("350121", "闽侯县", "闽侯县", "侯", "闽侯县人民法院", "闽0121", 10,
             ("甘蔗", "上街", "南屿", "南通", "青口", "祥谦", "尚干", "荆溪", "白沙", "竹岐", "鸿尾", "大湖")),
    District("350122", "连江县", "连江县", "连", "连江县人民法院", "闽0122", 5,
             ("凤城", "敖江", "东岱", "琯头", "晓澳", "黄岐", "苔菉", "筱埕", "浦口", "丹阳", "官坂")),
    District("350123", "罗源县", "罗源县", "罗", "罗源县人民法院", "闽0123", 2,
             ("凤山", "松山", "起步", "中房", "飞竹", "鉴江", "碧里")),
    District("350124", "闽清县", "闽清县", "梅", "闽清县人民法院", "闽0124", 2,
             ("梅城", "梅溪", "白樟", "金沙", "白中", "池园", "坂东", "塔庄", "东桥")),
    District("350125", "永泰县", "永泰县", "樟", "永泰县人民法院", "闽0125", 2,
             ("樟城", "嵩口", "梧桐", "葛岭", "城峰", "清凉", "长庆", "同安", "塘前", "富泉")),
    District("350128", "平潭县", "平潭综合实验区", "岚", "平潭综合实验区人民法院", "闽0128", 3,
             ("潭城", "苏澳", "流水", "澳前", "北厝", "平原", "敖东", "中楼", "芦洋")),
    District("350181", "福清市", "福清市", "融", "福清市人民法院", "闽0181", 11,
             ("玉屏", "龙山", "龙江", "宏路", "石竹", "音西", "阳下", "海口", "城头", "龙田", "江镜", "港头", "高山", "江阴", "渔溪", "镜洋")),
)

CITY_CODE = "350100"
CITY_COURT = ("福州市中级人民法院", "闽01")

# Region codes of Fujian for ID numbers, with a weight: Fuzhou's own four times
# as likely as each other county.
ID_REGIONS: tuple[tuple[str, int], ...] = tuple((d.code, 4) for d in DISTRICTS) + tuple(
    (code, 1)
    for code in (
        "350203 350205 350206 350211 350212 350213 "  # 厦门
        "350302 350303 350304 350305 350322 "  # 莆田
        "350404 350405 350421 350424 350425 350426 "  # 三明
        "350502 350503 350504 350521 350524 350525 350526 350581 350582 350583 "  # 泉州
        "350602 350603 350604 350622 350623 350624 350681 "  # 漳州
        "350702 350703 350722 350781 350782 350783 "  # 南平
        "350802 350803 350821 350824 350825 350881 "  # 龙岩
        "350902 350921 350922 350923 350924 350981 350982"  # 宁德
    ).split()
)

# --- people ---------------------------------------------------------------

# (surname, weight) — Fujian's distribution: 陈林黄 far ahead.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("陈", 10.5), ("林", 9.5), ("黄", 6.0), ("张", 4.0), ("吴", 4.0), ("李", 4.0), ("王", 3.5),
    ("郑", 3.5), ("刘", 3.0), ("杨", 2.0), ("蔡", 1.8), ("许", 1.6), ("谢", 1.4), ("郭", 1.2),
    ("洪", 1.0), ("曾", 1.0), ("叶", 1.0), ("周", 1.0), ("邱", 0.9), ("徐", 0.9), ("方", 0.8),
    ("苏", 0.8), ("庄", 0.7), ("卢", 0.7), ("游", 0.6), ("翁", 0.6), ("朱", 0.6), ("何", 0.6),
    ("高", 0.6), ("罗", 0.6), ("余", 0.6), ("江", 0.6), ("詹", 0.5), ("魏", 0.5), ("潘", 0.5),
    ("赖", 0.5), ("钟", 0.5), ("傅", 0.5), ("胡", 0.5), ("薛", 0.4), ("施", 0.4), ("彭", 0.4),
    ("唐", 0.4), ("宋", 0.4), ("肖", 0.4), ("邓", 0.4), ("孙", 0.4), ("冯", 0.3), ("马", 0.3),
    ("欧", 0.3), ("姚", 0.3), ("戴", 0.3), ("沈", 0.3), ("阮", 0.3), ("柯", 0.3), ("卓", 0.3),
    ("丁", 0.3), ("程", 0.3), ("严", 0.2), ("甘", 0.2), ("池", 0.2), ("范", 0.2), ("董", 0.2),
    ("汤", 0.2), ("温", 0.2), ("龚", 0.2), ("连", 0.2), ("官", 0.1), ("毛", 0.1), ("倪", 0.1),
    ("雷", 0.2), ("兰", 0.1), ("蓝", 0.1), ("缪", 0.1), ("鄢", 0.1), ("阙", 0.1), ("念", 0.05),
    ("欧阳", 0.05), ("上官", 0.03), ("司马", 0.02),
)

GIVEN_MALE = tuple(
    "伟强军磊勇杰涛斌明华建国文辉鹏峰超俊宇浩志宏东林海平刚毅坤晨阳凯龙飞锋彬鑫振雄兴荣福德"
    "水金清泉忠仁义良昌祥铭轩睿哲博航翔亮诚宁新永庆发生春炳顺旺家祖武锦栋成立松柏山川"
)
GIVEN_FEMALE = tuple(
    "丽娟敏静芳秀英玲霞燕红梅莉艳琴云萍婷雪慧颖琳娜洁晶倩欣怡佳悦雯菲蓉珍凤美月兰翠素惠淑彩"
    "丹薇瑶妍馨琪璐蕾媛嫣婉如萱茹冰清宁"
)
GIVEN_NEUTRAL = tuple("晓小建文海春秋明子思雨欣嘉少永国金玉世育孝天一书友桂爱丽")

# --- 字号 (trade names) -----------------------------------------------------

# Characters a 字号 is made of. The first character of a two-character 字号 is
# drawn from the whole list, the others too: most combinations read naturally
# (恒达, 鑫源, 闽融, 榕信 …) and the list is long enough that a million names
# are nearly all distinct.
ZIHAO_CHARS = tuple(dict.fromkeys(
    "鑫源恒达瑞丰盛兴隆泰华鸿福祥顺通宏伟博创新联合信诚德嘉佳安康宁和融汇聚银金永昌荣升腾飞跃"
    "进远航海峡闽榕江山星辰光明阳晟昊宇天景润泽洋浩涛川辉煌耀凯旋捷迅锐锋智慧思睿哲志成功业益"
    "利富贵宝玉晶石林森木松柏竹梅兰菊春秋冬东南西北中港湾洲岛岸城都邦际环球世纪元亨乾坤艺美雅"
    "尚品优良精立建筑居家园乐欣悦怡颐健力强豪杰俊英雄龙凤麟鹏鹰骏虎汉唐宋明清正本道义仁礼方圆"
    "佰仟万亿鼎峰岳岩川溪泉湖波澜潮汐云霞虹彩星月晨曦朝旭鑫淼森焱垚磊合众协同盈嘉禾"
    "谷粮丰沃绿野青蓝紫红橙白银铜铁钢锦绣织纺锐创芯数云链智驰骋途程驿站桥梁舟帆锚湾浦渡津"
    "旗帜标杆启航领先卓越优特惠友邻亲和睦邦泓沣溢漫璟琛瑜琦瑾璞珑琨晖晔旻昕暄曜炜烨熠煜灿"
    "铭钰锟镇铠钧铎宸宥寰宙元泰"
), )

# (行业, group, weight). The group selects licences, penalties and ratings.
INDUSTRIES: tuple[tuple[str, str, int], ...] = (
    ("贸易", "trade", 14), ("商贸", "trade", 8), ("进出口贸易", "trade", 3), ("供应链管理", "logistics", 3),
    ("科技", "tech", 12), ("信息技术", "tech", 6), ("网络科技", "tech", 6), ("电子商务", "tech", 6),
    ("软件", "tech", 2), ("智能科技", "tech", 3), ("数据科技", "tech", 1), ("通信技术", "tech", 1),
    ("建筑工程", "construction", 5), ("建设工程", "construction", 4), ("装饰工程", "construction", 5),
    ("市政工程", "construction", 2), ("园林绿化工程", "construction", 2), ("钢结构工程", "construction", 1),
    ("电力工程", "construction", 1), ("餐饮管理", "food", 5), ("食品", "food", 4), ("茶业", "food", 2),
    ("水产", "agri", 2), ("农业发展", "agri", 2), ("物流", "logistics", 5), ("冷链物流", "logistics", 1),
    ("汽车租赁", "logistics", 1), ("房地产开发", "realestate", 2), ("物业管理", "realestate", 3),
    ("医疗器械", "medical", 2), ("医药", "medical", 1), ("生物科技", "medical", 2), ("健康管理", "medical", 2),
    ("环保科技", "env", 3), ("新能源科技", "env", 2), ("化工", "env", 1), ("能源", "env", 1),
    ("建材", "trade", 4), ("石材", "manufacturing", 1), ("机械设备", "manufacturing", 2), ("电子", "manufacturing", 2),
    ("服装", "manufacturing", 2), ("鞋业", "manufacturing", 1), ("纺织", "manufacturing", 1), ("家具", "manufacturing", 1),
    ("包装", "manufacturing", 1), ("印刷", "manufacturing", 1), ("劳务派遣", "labor", 2), ("人力资源", "labor", 2),
    ("保洁服务", "labor", 1), ("家政服务", "labor", 1), ("文化传媒", "media", 5), ("广告", "media", 3),
    ("教育咨询", "media", 2), ("旅游", "media", 1), ("体育发展", "media", 1), ("酒店管理", "hotel", 2),
    ("企业管理咨询", "service", 5), ("投资", "service", 2), ("工程咨询", "service", 1), ("检测技术", "service", 1),
    ("汽车销售服务", "auto", 2), ("安防科技", "tech", 1),
)

# Name prefixes: (template, weight); {d} 区县 short name, {f} its full form.
COMPANY_PREFIXES: tuple[tuple[str, int], ...] = (
    ("福州", 30), ("福州市", 14), ("福建", 15), ("福建省", 4), ("{f}", 20), ("{z}（福州）", 5),
)

# 组织形式 of legal persons that are companies: (suffix, weight)
COMPANY_FORMS: tuple[tuple[str, int], ...] = (
    ("有限公司", 82), ("有限责任公司", 9), ("股份有限公司", 4), ("集团有限公司", 1),
)

# Parent-company prefixes of branches (分公司) registered in Fuzhou
BRANCH_PARENT_PREFIXES = ("福建", "福州", "福建省", "厦门", "泉州", "莆田", "深圳", "上海", "广东", "浙江")

PARTNERSHIP_TRADES = ("投资", "企业管理咨询", "股权投资", "创业投资", "商务咨询", "科技")

# 个体工商户: (品类, licence group)
SHOP_TYPES: tuple[tuple[str, str, int], ...] = (
    ("小吃店", "eatery", 10), ("沙县小吃店", "eatery", 5), ("拌面扁肉店", "eatery", 4), ("鱼丸店", "eatery", 2),
    ("锅边糊店", "eatery", 1), ("快餐店", "eatery", 5), ("面馆", "eatery", 3), ("早餐店", "eatery", 3),
    ("奶茶店", "eatery", 3), ("海鲜排档", "eatery", 2), ("烧烤店", "eatery", 2), ("卤味店", "eatery", 2),
    ("副食店", "grocery", 6), ("便利店", "grocery", 6), ("食杂店", "grocery", 4), ("水果店", "fresh", 4),
    ("茶叶店", "fresh", 3), ("烟酒商行", "grocery", 3), ("粮油店", "fresh", 2), ("百货商行", "grocery", 3),
    ("理发店", "beauty", 4), ("美发工作室", "beauty", 2), ("美容院", "beauty", 2), ("足浴店", "beauty", 1),
    ("五金店", "retail", 3), ("建材商行", "retail", 3), ("服装店", "retail", 4), ("鞋店", "retail", 1),
    ("花店", "retail", 1), ("文具店", "retail", 1), ("电动车行", "retail", 1), ("眼镜店", "retail", 1),
    ("手机维修部", "repair", 2), ("家电维修部", "repair", 1), ("汽车维修部", "autorepair", 2), ("洗车店", "repair", 1),
    ("干洗店", "repair", 1), ("照相馆", "repair", 1), ("图文打印店", "printshop", 1), ("民宿", "lodging", 1),
)

# 事业单位 and 社会组织 (names built with a district and a place)
# {z}: a 2-character place or trade name, {p}: a 街道 / 乡镇 of the district
PUBLIC_INSTITUTIONS = (
    "{f}{p}{z}小学", "{f}{z}中学", "{f}{p}{z}幼儿园", "{f}{p}{z}社区卫生服务站", "{f}{z}实验学校",
    "{f}{p}{z}社区服务中心",
)
SOCIAL_ORGS = (
    "{f}{p}{i}协会", "福州市{q}{z}商会", "{f}{z}社会工作服务中心", "福州{z}职业培训学校",
    "{f}{z}幼儿园", "福州市{z}{i}促进会", "{f}{p}{z}志愿者协会", "福州市{z}公益服务中心",
)
HOMETOWNS = ("莆田", "泉州", "晋江", "南平", "宁德", "三明", "龙岩", "漳州", "温州", "江西", "安徽", "四川", "湖南", "河南", "浙江")
COOP_PRODUCTS = ("茶叶", "蔬菜", "水果", "李果", "食用菌", "水产养殖", "畜禽养殖", "花卉", "橄榄", "青梅", "中草药", "笋竹")

# --- authorities -------------------------------------------------------------

# key -> (city-level name, district-level name template or None, 文号 abbreviation)
AUTHORITIES: dict[str, tuple[str, str | None, str]] = {
    "scjg": ("福州市市场监督管理局", "{f}市场监督管理局", "市监"),
    "scjg_prov": ("福建省市场监督管理局", None, "闽市监"),
    "zj": ("福州市城乡建设局", "{f}住房和城乡建设局", "建"),
    "zj_prov": ("福建省住房和城乡建设厅", None, "闽建"),
    "sthj": ("福州市生态环境局", None, "环"),
    "wsjk": ("福州市卫生健康委员会", "{f}卫生健康局", "卫"),
    "jt": ("福州市交通运输局", "{f}交通运输局", "交"),
    "rs": ("福州市人力资源和社会保障局", "{f}人力资源和社会保障局", "人社"),
    "yj": ("福州市应急管理局", "{f}应急管理局", "应急"),
    "cg": ("福州市城市管理委员会", "{f}城市管理局", "城管"),
    "yc": ("福州市烟草专卖局", "{f}烟草专卖局", "烟"),
    "zrzy": ("福州市自然资源和规划局", None, "自然资源"),
    "wl": ("福州市文化和旅游局", "{f}文体和旅游局", "文旅"),
    "ga": ("福州市公安局", "福州市公安局{d}分局", "公"),
    "xf": ("福州市消防救援支队", "{f}消防救援大队", "消"),
    "sw": ("国家税务总局福州市税务局", "国家税务总局{f}税务局", "税"),
    "hg": ("中华人民共和国福州海关", None, "关"),
    "cz": ("福州市财政局", "{f}财政局", "财"),
    "ylbz": ("福州市医疗保障局", "{f}医疗保障局", "医保"),
    "jy": ("福州市教育局", "{f}教育局", "教"),
    "tx": ("福建省通信管理局", None, "闽通信"),
    "kj": ("福建省科学技术厅", None, "闽科"),
    "sw_prov": ("国家税务总局福建省税务局", None, "闽税"),
    "sw_jc": ("国家税务总局福州市税务局第一稽查局", None, "税一稽"),
    "sw_jc2": ("国家税务总局福州市税务局第二稽查局", None, "税二稽"),
    "sw_jc3": ("国家税务总局福州市税务局第三稽查局", None, "税三稽"),
    "xyb": ("福州市发展和改革委员会", None, "发改"),
    "sw_com": ("福州市商务局", None, "商务"),
    "hy": ("福州市海洋与渔业局", "{f}海洋与渔业局", "海渔"),
    "wmb": ("福州市精神文明建设指导委员会办公室", None, "文明办"),
    "tj": ("福州市统计局", None, "统"),
    "spgz": ("福州市行政服务中心管理委员会", None, "行服"),
}
# Authorities whose 文号 uses 闽 rather than 榕 (provincial) are marked by the
# abbreviation starting with 闽.

# --- licences (行政许可) -------------------------------------------------------


class License(NamedTuple):
    title: str
    authority: str  # key of AUTHORITIES
    level: str  # "city", "district" or "any"
    doc: str  # 文号 style: "wh" (榕市监许〔2024〕123号) or a format with {r} {y} {n}
    basis: str
    content: str
    years: int | None  # validity; None: no end


LICENSES: dict[str, License] = {
    "food_biz": License("食品经营许可证", "scjg", "district", "JY1{r}{n8}", "《中华人民共和国食品安全法》第三十五条",
                        "经营项目：预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售", 5),
    "food_service": License("食品经营许可证", "scjg", "district", "JY2{r}{n8}", "《中华人民共和国食品安全法》第三十五条",
                            "经营项目：热食类食品制售；冷食类食品制售；自制饮品制售", 5),
    "food_prod": License("食品生产许可证", "scjg", "city", "SC1{r}{n8}", "《食品生产许可管理办法》第二条",
                         "食品类别：{food}；生产地址位于{place}", 5),
    "construction_qual": License("建筑业企业资质证书", "zj_prov", "city", "D335{n6}", "《建筑业企业资质管理规定》第三条",
                                 "资质类别及等级：{qual}", 5),
    "safety_prod": License("安全生产许可证", "zj_prov", "city", "（闽）JZ安许证字〔{y}〕{n6}", "《安全生产许可证条例》第二条",
                           "许可范围：建筑施工", 3),
    "construction_permit": License("建筑工程施工许可证", "zj", "district", "{r}{y}{n6}01", "《建筑工程施工许可管理办法》第二条",
                                   "工程名称：{project}；建设规模：{area}平方米", None),
    "waste": License("城市建筑垃圾处置核准", "cg", "district", "wh", "《城市建筑垃圾管理规定》第七条",
                     "核准处置建筑垃圾{qty}立方米，处置场所：{place}消纳场", 1),
    "pollution": License("排污许可证", "sthj", "city", "{u}001{pv}", "《排污许可管理条例》第二条",
                         "行业类别：{industry}；许可排放污染物：颗粒物、挥发性有机物", 5),
    "eia": License("建设项目环境影响报告表审批", "sthj", "city", "wh", "《中华人民共和国环境影响评价法》第二十二条",
                   "项目名称：{project}；同意项目按报告表所列性质、规模、地点和环境保护措施建设", None),
    "hazchem": License("危险化学品经营许可证", "yj", "city", "闽榕危化经字〔{y}〕{n6}", "《危险化学品安全管理条例》第三十三条",
                       "许可范围：不带储存经营（票据交易）", 3),
    "road_transport": License("道路运输经营许可证", "jt", "district", "闽交运管许可榕字{r}{n6}号", "《中华人民共和国道路运输条例》第二十四条",
                              "经营范围：道路普通货物运输", 4),
    "medical_device_2": License("第二类医疗器械经营备案凭证", "scjg", "city", "闽榕药监械经营备{y}{n4}号", "《医疗器械监督管理条例》第四十一条",
                                "经营范围：第二类医疗器械（不含体外诊断试剂）", None),
    "medical_device_3": License("医疗器械经营许可证", "scjg", "city", "闽榕药监械经营许{y}{n4}号", "《医疗器械监督管理条例》第四十二条",
                                "经营范围：第三类医疗器械", 5),
    "drug": License("药品经营许可证", "scjg", "city", "闽BA{n7}", "《中华人民共和国药品管理法》第五十二条",
                    "经营方式：零售（连锁）；经营范围：中药饮片、中成药、化学药制剂、生物制品", 5),
    "medical_inst": License("医疗机构执业许可证", "wsjk", "district", "PDY{n5}{r}{pv2}", "《医疗机构管理条例》第十五条",
                            "诊疗科目：内科；外科；口腔科；医学检验科", 5),
    "labor_dispatch": License("劳务派遣经营许可证", "rs", "city", "闽榕劳派{y}{n4}号", "《中华人民共和国劳动合同法》第五十七条",
                              "经营范围：劳务派遣", 3),
    "hr_service": License("人力资源服务许可证", "rs", "city", "（闽）人服证字〔{y}〕第{r}{n4}号", "《人力资源市场暂行条例》第十八条",
                          "服务范围：为劳动者介绍用人单位；为用人单位推荐劳动者；组织开展现场招聘会", None),
    "realestate_dev": License("房地产开发企业资质证书", "zj", "city", "闽房开（榕）{y}{n4}", "《房地产开发企业资质管理规定》第三条",
                              "资质等级：二级", 3),
    "presale": License("商品房预售许可证", "zj", "district", "榕房许字（{y}）第{n4}号", "《城市商品房预售管理办法》第六条",
                       "项目名称：{project}；预售面积：{area}平方米", None),
    "planning": License("建设工程规划许可证", "zrzy", "city", "建字第{r}{y}{n5}号", "《中华人民共和国城乡规划法》第四十条",
                        "建设项目名称：{project}；建设规模：{area}平方米", None),
    "publication": License("出版物经营许可证", "wl", "district", "新出发榕{d}零字第{n4}号", "《出版管理条例》第三十五条",
                           "经营范围：图书、报纸、期刊零售", 6),
    "performance": License("营业性演出许可证", "wl", "city", "{r}{y}{n4}", "《营业性演出管理条例》第六条",
                           "经营范围：演出经纪", None),
    "outdoor_ad": License("户外广告设施设置许可", "cg", "district", "wh", "《福建省户外广告设置管理条例》第十一条",
                          "设置地点：{place}；设施类型：墙面广告", 3),
    "travel": License("旅行社业务经营许可证", "wl", "city", "L-FJ-{n5}", "《旅行社条例》第六条",
                      "经营范围：国内旅游业务、入境旅游业务", None),
    "school": License("民办学校办学许可证", "jy", "district", "教民1{r}{n9}号", "《中华人民共和国民办教育促进法》第十二条",
                      "办学内容：文化教育类校外培训", 5),
    "special_trade": License("特种行业许可证", "ga", "district", "榕公特旅字〔{y}〕第{n4}号", "《旅馆业治安管理办法》第四条",
                             "许可项目：旅馆业", None),
    "public_health": License("公共场所卫生许可证", "wsjk", "district", "闽卫公证字〔{y}〕第{r}-{n6}号", "《公共场所卫生管理条例》第八条",
                             "许可项目：{item}", 4),
    "fire": License("公众聚集场所投入使用、营业前消防安全检查合格证", "xf", "district", "榕消安检字〔{y}〕第{n4}号",
                    "《中华人民共和国消防法》第十五条", "场所名称：{place}经营场所；使用面积：{area}平方米", None),
    "icp": License("增值电信业务经营许可证", "tx", "city", "闽B2-{y}{n4}", "《中华人民共和国电信条例》第十三条",
                   "业务种类：第二类增值电信业务中的信息服务业务（仅限互联网信息服务）", 5),
    "lab": License("检验检测机构资质认定证书", "scjg_prov", "city", "{y2}1312{n6}", "《检验检测机构资质认定管理办法》第三条",
                   "检验检测能力：建筑材料、室内环境检测", 6),
    "industrial": License("全国工业产品生产许可证", "scjg_prov", "city", "（闽）XK{n2}-{n3}-{n5}", "《中华人民共和国工业产品生产许可证管理条例》第二条",
                          "产品名称：{product}", 5),
    "special_equipment": License("特种设备使用登记证", "scjg", "district", "梯11闽A{n5}（{y2}）", "《中华人民共和国特种设备安全法》第三十三条",
                                 "设备类别：电梯；使用单位：本单位", None),
    "tobacco": License("烟草专卖零售许可证", "yc", "district", "{r}{n6}", "《中华人民共和国烟草专卖法》第十六条",
                       "经营范围：卷烟、雪茄烟零售", 5),
    "autorepair": License("机动车维修经营备案", "jt", "district", "闽榕交维备{y}{n5}号", "《中华人民共和国道路运输条例》第四十二条",
                          "经营类别：三类机动车维修（汽车快修、车身清洁维护）", None),
    "printing": License("印刷经营许可证", "wl", "district", "（闽）印证字{r}{n4}号", "《印刷业管理条例》第九条",
                        "经营范围：其他印刷品印刷（专项：排版、制版、装订）", 6),
    "seed": License("农作物种子生产经营许可证", "scjg", "city", "D（闽榕）农种许字（{y}）第{n4}号", "《中华人民共和国种子法》第三十一条",
                    "生产经营范围：水稻、蔬菜种子", 5),
    "aquaculture": License("水域滩涂养殖证", "hy", "district", "{d}府（海）养证〔{y}〕第{n5}号", "《中华人民共和国渔业法》第十一条",
                           "养殖品种：海带、鲍鱼；养殖面积：{acre}亩", 5),
}

LICENSES_BY_GROUP: dict[str, tuple[str, ...]] = {
    "trade": ("food_biz", "food_biz", "hazchem", "medical_device_2", "outdoor_ad"),
    "tech": ("icp", "icp", "hr_service", "outdoor_ad"),
    "construction": ("construction_qual", "safety_prod", "construction_permit", "waste", "construction_permit"),
    "food": ("food_service", "food_prod", "food_biz", "fire", "pollution"),
    "agri": ("seed", "aquaculture", "food_prod", "food_biz"),
    "logistics": ("road_transport", "road_transport", "food_biz", "hazchem"),
    "realestate": ("realestate_dev", "presale", "planning", "construction_permit", "special_equipment"),
    "medical": ("medical_device_2", "medical_device_3", "drug", "medical_inst"),
    "env": ("pollution", "eia", "hazchem", "pollution"),
    "manufacturing": ("pollution", "industrial", "special_equipment", "eia"),
    "labor": ("labor_dispatch", "hr_service", "labor_dispatch"),
    "media": ("publication", "performance", "outdoor_ad", "travel", "school"),
    "hotel": ("special_trade", "public_health", "food_service", "fire"),
    "service": ("lab", "hr_service", "outdoor_ad"),
    "auto": ("autorepair", "road_transport", "outdoor_ad"),
    # 个体工商户
    "eatery": ("food_service",),
    "grocery": ("food_biz", "tobacco"),
    "fresh": ("food_biz",),
    "beauty": ("public_health",),
    "retail": ("outdoor_ad",),
    "repair": (),
    "autorepair": ("autorepair",),
    "printshop": ("printing",),
    "lodging": ("special_trade", "public_health"),
    # legal persons that are not companies
    "public": ("medical_inst", "public_health", "school"),
    "social": ("school",),
    "coop": ("seed", "food_prod", "aquaculture"),
}

FOOD_CATEGORIES = ("糕点", "饮料", "茶叶及相关制品", "水产制品", "方便食品", "调味品", "速冻食品", "肉制品")
CONSTRUCTION_QUALS = (
    "建筑工程施工总承包三级", "建筑工程施工总承包二级", "市政公用工程施工总承包二级", "建筑装修装饰工程专业承包二级",
    "钢结构工程专业承包二级", "电力工程施工总承包三级", "环保工程专业承包三级", "施工劳务不分等级",
)
INDUSTRIAL_PRODUCTS = ("电线电缆", "建筑用钢筋", "水泥", "危险化学品包装物", "食品相关产品（塑料包装）", "人造板")
PROJECT_KINDS = ("综合楼", "住宅小区", "厂房", "商业中心", "安置房", "产业园", "物流仓储中心", "学校教学楼")
PUBLIC_HEALTH_ITEMS = ("理发店、美容店", "住宿场所", "沐浴场所", "游泳场所")

# --- penalties (行政处罚) --------------------------------------------------------


class Penalty(NamedTuple):
    behaviour: str  # title: what was done
    authority: str
    level: str  # "city", "district", "any"
    basis: str
    measure: str  # 处罚种类, {amount} and {gain} filled in
    lo: int  # fine range (yuan); lo == 0: warning only
    hi: int
    serious: bool  # publicised 3 years instead of 1


PENALTIES: dict[str, Penalty] = {
    "food_substandard": Penalty("经营不符合食品安全标准的食品", "scjg", "any",
                                "《中华人民共和国食品安全法》第一百二十四条第一款第（四）项",
                                "没收违法所得{gain}元，并处罚款{amount}元", 50000, 300000, True),
    "food_expired": Penalty("经营超过保质期的食品", "scjg", "district",
                            "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
                            "没收超过保质期的食品，并处罚款{amount}元", 5000, 50000, False),
    "food_records": Penalty("未按规定建立并遵守进货查验记录制度", "scjg", "district",
                            "《中华人民共和国食品安全法》第一百二十六条第一款第（三）项", "警告，并处罚款{amount}元", 5000, 20000, False),
    "food_warning": Penalty("从业人员未取得健康证明从事接触直接入口食品的工作", "scjg", "district",
                            "《中华人民共和国食品安全法》第一百二十六条第一款第（六）项", "警告", 0, 0, False),
    "ad_false": Penalty("发布虚假广告", "scjg", "any", "《中华人民共和国广告法》第五十五条第一款",
                        "责令停止发布广告，在相应范围内消除影响，并处罚款{amount}元", 20000, 600000, True),
    "ad_superlative": Penalty("在广告中使用“最佳”“国家级”等用语", "scjg", "district", "《中华人民共和国广告法》第五十七条第（一）项",
                              "责令停止发布广告，并处罚款{amount}元", 200000, 500000, False),
    "false_promo": Penalty("对商品作虚假或者引人误解的商业宣传", "scjg", "any", "《中华人民共和国反不正当竞争法》第二十条第一款",
                           "责令停止违法行为，并处罚款{amount}元", 100000, 1000000, True),
    "substandard_product": Penalty("销售不合格产品", "scjg", "any", "《中华人民共和国产品质量法》第四十九条",
                                   "没收违法销售的产品，没收违法所得{gain}元，并处罚款{amount}元", 10000, 200000, False),
    "price_tag": Penalty("未按规定明码标价", "scjg", "district", "《明码标价和禁止价格欺诈规定》第二十一条",
                         "警告，并处罚款{amount}元", 500, 5000, False),
    "device_unregistered": Penalty("经营未取得医疗器械注册证的第二类医疗器械", "scjg", "city", "《医疗器械监督管理条例》第八十六条第（一）项",
                                   "没收违法经营的医疗器械，并处罚款{amount}元", 20000, 200000, True),
    "special_equipment": Penalty("使用未经定期检验的特种设备（电梯）", "scjg", "district",
                                 "《中华人民共和国特种设备安全法》第八十四条第（一）项", "责令停止使用，并处罚款{amount}元", 30000, 300000, False),
    "false_registration": Penalty("提交虚假材料取得公司登记", "scjg", "city", "《中华人民共和国公司法》第二百五十条",
                                  "撤销公司登记，并处罚款{amount}元", 50000, 500000, True),
    "air_emission": Penalty("超过大气污染物排放标准排放大气污染物", "sthj", "city",
                            "《中华人民共和国大气污染防治法》第九十九条第（二）项", "责令改正，并处罚款{amount}元", 100000, 1000000, True),
    "dust": Penalty("施工工地未采取有效防尘降尘措施", "sthj", "city",
                    "《中华人民共和国大气污染防治法》第一百一十五条第一款第（一）项", "责令改正，并处罚款{amount}元", 10000, 100000, False),
    "no_permit_emission": Penalty("未取得排污许可证排放污染物", "sthj", "city", "《排污许可管理条例》第三十三条第（一）项",
                                  "责令改正，并处罚款{amount}元", 200000, 1000000, True),
    "hazwaste": Penalty("未按照规定贮存危险废物", "sthj", "city",
                        "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项", "责令改正，并处罚款{amount}元", 100000, 1000000, True),
    "water_emission": Penalty("超标排放水污染物", "sthj", "city", "《中华人民共和国水污染防治法》第八十三条第（二）项",
                              "责令限制生产，并处罚款{amount}元", 100000, 1000000, True),
    "tax_late": Penalty("未按照规定期限办理纳税申报和报送纳税资料", "sw", "district",
                        "《中华人民共和国税收征收管理法》第六十二条", "罚款{amount}元", 50, 2000, False),
    "invoice": Penalty("未按照规定开具发票", "sw", "district", "《中华人民共和国发票管理办法》第三十三条第一款第（一）项",
                       "罚款{amount}元", 200, 10000, False),
    "fire_exit": Penalty("占用、堵塞、封闭疏散通道、安全出口", "xf", "district",
                         "《中华人民共和国消防法》第六十条第一款第（三）项", "责令改正，并处罚款{amount}元", 5000, 50000, False),
    "fire_equipment": Penalty("消防设施、器材配置不符合标准", "xf", "district",
                              "《中华人民共和国消防法》第六十条第一款第（一）项", "责令改正，并处罚款{amount}元", 5000, 50000, False),
    "safety_training": Penalty("未按照规定对从业人员进行安全生产教育和培训", "yj", "any",
                               "《中华人民共和国安全生产法》第九十七条第（三）项", "责令限期改正，并处罚款{amount}元", 10000, 100000, False),
    "hazard_check": Penalty("未建立安全风险分级管控和隐患排查治理双重预防工作机制", "yj", "any",
                            "《中华人民共和国安全生产法》第一百零一条第（五）项", "责令限期改正，并处罚款{amount}元", 20000, 100000, False),
    "no_construction_permit": Penalty("未取得施工许可证擅自施工", "zj", "any", "《建筑工程施工许可管理办法》第十二条",
                                      "责令停止施工，限期改正，并处罚款{amount}元", 20000, 500000, True),
    "cut_corners": Penalty("施工中偷工减料，使用不合格的建筑材料", "zj", "city", "《建设工程质量管理条例》第六十四条",
                           "责令改正，并处罚款{amount}元", 100000, 800000, True),
    "illegal_dispatch": Penalty("未经许可擅自经营劳务派遣业务", "rs", "city", "《中华人民共和国劳动合同法》第九十二条第一款",
                                "责令停止违法行为，没收违法所得{gain}元，并处罚款{amount}元", 50000, 500000, True),
    "overtime": Penalty("违反工作时间和休息休假规定延长劳动者工作时间", "rs", "district", "《劳动保障监察条例》第二十五条",
                        "警告，并处罚款{amount}元", 2000, 50000, False),
    "unlicensed_transport": Penalty("未取得道路运输经营许可擅自从事道路普通货物运输经营", "jt", "any",
                                    "《中华人民共和国道路运输条例》第六十三条", "责令停止经营，并处罚款{amount}元", 10000, 100000, False),
    "overload": Penalty("车辆超限运输", "jt", "district", "《公路安全保护条例》第六十四条", "罚款{amount}元", 500, 30000, False),
    "construction_waste": Penalty("未按规定处置建筑垃圾", "cg", "district", "《城市建筑垃圾管理规定》第二十六条",
                                  "责令限期改正，给予警告，并处罚款{amount}元", 5000, 30000, False),
    "street_vending": Penalty("超出门窗和外墙从事经营活动", "cg", "district", "《城市市容和环境卫生管理条例》第三十六条第（六）项",
                              "责令改正，并处罚款{amount}元", 100, 2000, False),
    "health_permit": Penalty("未取得公共场所卫生许可证擅自营业", "wsjk", "district", "《公共场所卫生管理条例实施细则》第三十五条",
                             "警告，并处罚款{amount}元", 500, 30000, False),
    "unqualified_staff": Penalty("使用非卫生技术人员从事医疗卫生技术工作", "wsjk", "district", "《医疗机构管理条例》第四十七条",
                                 "责令限期改正，并处罚款{amount}元", 10000, 100000, True),
    "medical_insurance": Penalty("串换药品、医用耗材违规结算医疗保障基金", "ylbz", "any",
                                 "《医疗保障基金使用监督管理条例》第三十八条第（四）项", "责令退回{gain}元，并处罚款{amount}元", 10000, 200000, True),
    "unlicensed_show": Penalty("未经许可从事营业性演出经营活动", "wl", "city", "《营业性演出管理条例》第四十三条第一款",
                               "没收违法所得{gain}元，并处罚款{amount}元", 10000, 100000, False),
    "customs_declare": Penalty("申报不实影响海关统计准确性", "hg", "city", "《中华人民共和国海关行政处罚实施条例》第十五条第（一）项",
                               "予以警告，并处罚款{amount}元", 1000, 10000, False),
    "customs_tax": Penalty("申报不实影响国家税款征收", "hg", "city", "《中华人民共和国海关行政处罚实施条例》第十五条第（四）项",
                           "处罚款{amount}元", 10000, 300000, True),
}

PENALTIES_BY_GROUP: dict[str, tuple[str, ...]] = {
    "trade": ("substandard_product", "food_expired", "ad_superlative", "price_tag", "customs_declare", "customs_tax", "invoice"),
    "tech": ("ad_false", "false_promo", "ad_superlative", "invoice"),
    "construction": ("dust", "no_construction_permit", "cut_corners", "construction_waste", "safety_training", "overtime"),
    "food": ("food_substandard", "food_expired", "food_records", "food_warning", "fire_exit", "water_emission"),
    "agri": ("food_substandard", "substandard_product", "water_emission"),
    "logistics": ("unlicensed_transport", "overload", "safety_training", "fire_equipment"),
    "realestate": ("special_equipment", "false_promo", "ad_false", "fire_equipment", "no_construction_permit"),
    "medical": ("device_unregistered", "unqualified_staff", "medical_insurance", "ad_false"),
    "env": ("air_emission", "no_permit_emission", "hazwaste", "water_emission", "hazard_check"),
    "manufacturing": ("air_emission", "hazwaste", "special_equipment", "safety_training", "substandard_product", "hazard_check"),
    "labor": ("illegal_dispatch", "overtime"),
    "media": ("ad_false", "unlicensed_show", "false_promo"),
    "hotel": ("health_permit", "fire_exit", "fire_equipment", "food_records"),
    "service": ("false_promo", "ad_superlative", "false_registration"),
    "auto": ("ad_superlative", "false_promo", "overload"),
    "eatery": ("food_expired", "food_records", "food_warning", "street_vending", "fire_exit"),
    "grocery": ("food_expired", "price_tag", "street_vending", "food_records"),
    "fresh": ("price_tag", "street_vending", "food_expired"),
    "beauty": ("health_permit", "fire_exit", "price_tag"),
    "retail": ("price_tag", "substandard_product", "street_vending"),
    "repair": ("price_tag", "street_vending"),
    "autorepair": ("street_vending", "hazwaste", "price_tag"),
    "printshop": ("price_tag",),
    "lodging": ("health_permit", "fire_exit"),
    "public": ("fire_equipment", "unqualified_staff"),
    "social": ("fire_equipment", "tax_late"),
    "coop": ("food_substandard", "water_emission"),
}
GENERIC_PENALTIES = ("tax_late", "tax_late", "invoice", "fire_equipment", "safety_training")

# Natural persons: (behaviour, authority, basis, measure, lo, hi)
PERSON_PENALTIES: tuple[tuple[str, str, str, str, int, int], ...] = (
    ("未按照规定期限办理个人所得税纳税申报", "sw", "《中华人民共和国税收征收管理法》第六十二条", "罚款{amount}元", 50, 2000),
    ("未取得建设工程规划许可证进行建设", "cg", "《中华人民共和国城乡规划法》第六十四条", "责令限期拆除，并处罚款{amount}元", 5000, 80000),
    ("露天焚烧秸秆、落叶等产生烟尘污染的物质", "cg", "《中华人民共和国大气污染防治法》第一百一十九条第二款", "责令改正，并处罚款{amount}元", 500, 2000),
    ("在禁渔期内使用禁用渔具捕捞", "hy", "《中华人民共和国渔业法》第三十八条第一款", "没收渔获物和违法所得，并处罚款{amount}元", 2000, 50000),
    ("无证从事食品摊贩经营", "scjg", "《福建省食品生产加工小作坊和食品摊贩管理条例》第三十九条", "责令改正，并处罚款{amount}元", 200, 2000),
)

# --- severe records ------------------------------------------------------------

DEBTOR_CASES: tuple[tuple[str, str], ...] = (
    ("（一）", "有履行能力而拒不履行生效法律文书确定义务"),
    ("（二）", "以伪造证据、暴力、威胁等方法妨碍、抗拒执行"),
    ("（三）", "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行"),
    ("（四）", "违反财产报告制度"),
    ("（五）", "违反限制消费令"),
    ("（六）", "无正当理由拒不履行执行和解协议"),
)
DEBT_KINDS = ("货款", "借款", "工程款", "租金", "劳务报酬", "买卖合同价款", "民间借贷本金", "服务费")

TAX_VIOLATIONS = (
    "虚开增值税专用发票{n}份，票面额累计{x}元",
    "通过在账簿上多列支出、不列或者少列收入等手段，少缴增值税、企业所得税合计{x}元",
    "以假报出口手段骗取国家出口退税款{x}元",
    "取得虚开的增值税专用发票{n}份并申报抵扣税款{x}元",
)

PROCUREMENT_VIOLATIONS = (
    ("《中华人民共和国政府采购法》第七十七条第一款第（一）项", "提供虚假材料谋取中标、成交"),
    ("《中华人民共和国政府采购法》第七十七条第一款第（二）项", "采取不正当手段诋毁、排挤其他供应商"),
    ("《中华人民共和国政府采购法》第七十七条第一款第（三）项", "与采购人、其他供应商或者采购代理机构恶意串通"),
    ("《中华人民共和国政府采购法实施条例》第七十二条第一款第（一）项", "未按照采购文件确定的事项签订政府采购合同"),
)
PROCUREMENT_PROJECTS = ("办公设备采购", "物业管理服务", "校园安防系统建设", "道路保洁服务", "信息化平台运维", "医疗设备采购",
                        "食堂食材配送", "绿化养护服务", "公务用车租赁")

# (title, authority, basis, content, publish years or None, groups that get it)
SERIOUS_LISTS: tuple[tuple[str, str, str, str, int | None], ...] = (
    ("列入市场监督管理严重违法失信名单", "scjg", "《市场监督管理严重违法失信名单管理办法》第十三条",
     "被列入经营异常名录届满3年仍未履行相关义务，依法列入严重违法失信名单", None),
    ("列入拖欠农民工工资失信联合惩戒对象名单", "rs", "《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条第一款第（一）项",
     "克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准，拖欠{n}名农民工工资共计{x}元", 3),
    ("列入安全生产严重失信主体名单", "yj", "《安全生产严重失信主体名单管理办法》第八条第（一）项",
     "发生生产安全事故，造成{n}人死亡，对事故负有责任", 3),
    ("列入统计严重失信企业名单", "tj", "《统计严重失信企业信用管理办法》第六条第（二）项",
     "提供不真实统计资料，虚报营业收入{x}元", 3),
)

COMMITMENT_BREACHES: tuple[tuple[str, str, str], ...] = (
    ("spgz", "申请食品经营许可告知承诺事项", "申请人承诺具备与经营食品相适应的经营场所，经核查经营场所与承诺内容不符"),
    ("scjg", "申请营业执照住所（经营场所）告知承诺", "承诺住所真实有效，经核查通过登记的住所无法联系"),
    ("rs", "申请人力资源服务许可告知承诺事项", "承诺具备开展人力资源服务业务相适应的专职工作人员，经核查与承诺不符"),
    ("zj", "申请施工许可证告知承诺事项", "承诺施工图设计文件已审查合格，经核查未按承诺期限补交"),
    ("sw", "纳税缴费信用承诺", "承诺按期申报纳税，承诺期内连续三个月未申报"),
)
COMMITMENT_BASIS = "《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》"

# (title template, authority, basis, years valid, kinds: "org" "shop" "person")
HONORS: tuple[tuple[str, str, str, int, str], ...] = (
    ("{y}年度福州市守合同重信用企业", "scjg", "《福州市守合同重信用企业公示管理办法》", 2, "org"),
    ("{y}年度福建省守合同重信用企业", "scjg_prov", "《福建省守合同重信用企业公示活动管理办法》", 2, "org"),
    ("信用福州“红名单”（诚信示范企业）", "xyb", "《福州市守信联合激励对象名单管理办法》", 2, "org"),
    ("福州市和谐劳动关系先进企业", "rs", "《福州市和谐劳动关系创建活动实施办法》", 3, "org"),
    ("福州市诚信经营示范店", "sw_com", "《福州市诚信经营示范店创建活动实施方案》", 2, "shop"),
    ("福州市诚信之星", "wmb", "《福州市“诚信之星”推选活动方案》", 3, "person"),
)

# (scheme, authority, grades with weights, years the rating is valid)
RATING_TAX = ("纳税信用等级", "sw", (("A", 20), ("B", 50), ("M", 20), ("C", 6), ("D", 4)))
RATING_OTHERS: tuple[tuple[str, str, tuple[tuple[str, int], ...], str], ...] = (
    ("海关企业信用等级", "hg", (("高级认证", 20), ("一般信用", 75), ("失信", 5)), "trade"),
    ("福建省建筑施工企业信用综合评价等级", "zj_prov", (("AA", 15), ("A", 45), ("B", 35), ("C", 5)), "construction"),
    ("劳动保障守法诚信等级", "rs", (("A", 60), ("B", 35), ("C", 5)), "labor"),
    ("公共信用综合评价等级", "xyb", (("A", 30), ("B", 55), ("C", 10), ("D", 5)), "any"),
)

# 其他: (title, authority, basis, content, years or None)
OTHERS: tuple[tuple[str, str, str | None, str, int | None], ...] = (
    ("“双随机、一公开”抽查结果：未发现问题", "scjg", "《市场监督管理行政执法双随机抽查实施办法》",
     "抽查事项：营业执照（登记证）规范使用情况、公示信息情况；检查结果：未发现问题", None),
    ("“双随机、一公开”抽查结果：发现问题已责令改正", "scjg", "《市场监督管理行政执法双随机抽查实施办法》",
     "抽查事项：公示信息情况；检查结果：发现问题，已责令改正", None),
    ("高新技术企业认定", "kj", "《高新技术企业认定管理办法》", "证书编号：GR{y}350{n5}，有效期三年", 3),
    ("对外贸易经营者备案登记", "sw_com", "《中华人民共和国对外贸易法》第九条", "备案登记表编号：0{n7}", None),
    ("信用承诺书（证明事项告知承诺）", "spgz", COMMITMENT_BASIS, "申请人就所申请事项作出书面信用承诺", 1),
)

# --- credit service agencies ------------------------------------------------------

AGENCY_KINDS = ("信用评估有限公司", "信用管理有限公司", "资信评估有限公司", "征信有限公司", "信用服务有限公司", "信用科技有限公司")
# filing level -> (filing authority, 备案号 style, validity years or None)
AGENCY_FILINGS: dict[str, tuple[tuple[str, str, int | None], ...]] = {
    "national": (("国家发展和改革委员会", "发改信用备〔{y}〕{n}号", 3), ("中国人民银行征信管理局", "G1{n9}", None)),
    "provincial": (("中国人民银行福州中心支行", "G1035{n6}", None), ("福建省发展和改革委员会", "闽发改信备〔{y}〕{n}号", 3)),
    "city": (("福州市信用办", "榕信用备〔{y}〕{n}号", 3),),
    "county": (("{f}发展和改革局", "{a}发改信备〔{y}〕{n}号", 2),),
}
AGENCY_REGIONS = {"national": ("110105", "110108", "310115", "440304"), "provincial": ("350100", "350102", "350104", "350203"),
                  "city": ("350100", "350102", "350103", "350104", "350111"), "county": None}

REPORT_GRADES: tuple[tuple[str, int], ...] = (
    ("AAA", 15), ("AA", 35), ("A", 30), ("BBB", 12), ("BB", 4), ("B", 2), ("CCC", 1), ("CC", 0.6), ("C", 0.4),
)
