#!/usr/bin/env python3
"""Write a large synthetic catalogue for benchmarks and tests: valid, bilingual, deterministic.

    python scripts/synth.py OUT_DIR [--providers N] [--venues N] [--courses N] [--seed S]

The policy, targets, regions, leading group and statistics are copied from the repository's
catalogue unchanged; providers, venues and recognitions are invented (every record says
`sample: true`; phones are 0573-0000-NNNN, websites example.org). The providers form the
four-tier network over the real towns and streets: the city university, one community
college per county, an adult school or community education centre per town or street, and
community schools (teaching points) in invented villages, plus vocational schools and
schools for older people. The same arguments always give the same bytes.

YAML is written as text here (a dumper is too slow for 20,000 courses): keys in the model's
order, two-space indentation, every free text double-quoted, so `scripts/fmt.py --check`
finds nothing to tidy. Earlier providers/*.yml and venues/*.yml in OUT_DIR are removed first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from learning_city.data.files import SINGLE_FILES, schema_line

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "catalogue"
# single files copied from the real catalogue as they are; recognitions are made to fit the city
COPIED = tuple(name for name in SINGLE_FILES if name != "recognitions.yml")
PROVIDER_SCHEMA = schema_line("providers/x.yml")
VENUE_SCHEMA = schema_line("venues/x.yml")
RECOGNITIONS_SCHEMA = schema_line("recognitions.yml")
MAX_COURSES = 60  # per provider, unless more courses are asked for than that allows
NO_ENGLISH = 0.05  # share of providers, venues and courses without English

# --- a small YAML writer ----------------------------------------------------------------------


class Plain(str):
    """A scalar written as it is: ids, enum values, handles."""


class Flow(list):
    """A list of plain scalars written on one line: [mon, wed]."""


def _scalar(value) -> str:
    if isinstance(value, Plain):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid YAML double-quoted scalar
    raise TypeError(f"cannot write {value!r}")


def _mapping(out: list[str], data: dict, indent: int) -> None:
    pad = " " * indent
    for key, value in data.items():
        if value is None or value == [] or value == {}:
            continue
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            _mapping(out, value, indent + 2)
        elif isinstance(value, Flow):
            out.append(f"{pad}{key}: [{', '.join(value)}]")
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    first = len(out)
                    _mapping(out, item, indent + 4)
                    out[first] = f"{pad}  - {out[first][indent + 4 :]}"
                else:
                    out.append(f"{pad}  - {_scalar(item)}")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}")


def dump(data: dict, schema_line: str) -> str:
    out = [schema_line]
    _mapping(out, data, 0)
    return "\n".join(out) + "\n"


# --- text data ----------------------------------------------------------------------------------

# Village and community names are built from two syllables: 新+丰 新丰 Xinfeng, 长+安 长安 Chang'an.
FIRST = [
    ("新", "xin"),
    ("长", "chang"),
    ("和", "he"),
    ("红", "hong"),
    ("光", "guang"),
    ("永", "yong"),
    ("东", "dong"),
    ("胜", "sheng"),
    ("联", "lian"),
    ("民", "min"),
    ("前", "qian"),
    ("幸", "xing"),
    ("团", "tuan"),
    ("建", "jian"),
    ("兴", "xing"),
    ("南", "nan"),
    ("北", "bei"),
    ("西", "xi"),
    ("梅", "mei"),
    ("春", "chun"),
    ("银", "yin"),
    ("朝", "zhao"),
    ("花", "hua"),
    ("金", "jin"),
    ("向", "xiang"),
    ("五", "wu"),
    ("三", "san"),
    ("双", "shuang"),
    ("荷", "he"),
    ("桃", "tao"),
    ("丰", "feng"),
    ("万", "wan"),
    ("安", "an"),
    ("富", "fu"),
    ("华", "hua"),
    ("清", "qing"),
    ("青", "qing"),
    ("龙", "long"),
    ("凤", "feng"),
    ("瑞", "rui"),
    ("盛", "sheng"),
    ("顺", "shun"),
    ("泰", "tai"),
    ("天", "tian"),
    ("文", "wen"),
    ("祥", "xiang"),
    ("秀", "xiu"),
    ("云", "yun"),
    ("百", "bai"),
    ("大", "da"),
    ("中", "zhong"),
    ("石", "shi"),
    ("沙", "sha"),
    ("杨", "yang"),
    ("柳", "liu"),
    ("松", "song"),
    ("竹", "zhu"),
    ("高", "gao"),
    ("平", "ping"),
    ("白", "bai"),
    ("黄", "huang"),
    ("徐", "xu"),
    ("陈", "chen"),
    ("钱", "qian"),
    ("沈", "shen"),
    ("朱", "zhu"),
    ("吴", "wu"),
    ("曹", "cao"),
    ("姚", "yao"),
    ("彩", "cai"),
    ("嘉", "jia"),
    ("旭", "xu"),
    ("益", "yi"),
    ("七", "qi"),
    ("九", "jiu"),
    ("六", "liu"),
    ("锦", "jin"),
    ("曙", "shu"),
]
SECOND = [
    ("丰", "feng"),
    ("安", "an"),
    ("平", "ping"),
    ("旗", "qi"),
    ("明", "ming"),
    ("星", "xing"),
    ("方", "fang"),
    ("利", "li"),
    ("合", "he"),
    ("主", "zhu"),
    ("进", "jin"),
    ("福", "fu"),
    ("结", "jie"),
    ("新", "xin"),
    ("旺", "wang"),
    ("港", "gang"),
    ("园", "yuan"),
    ("晖", "hui"),
    ("杏", "xing"),
    ("阳", "yang"),
    ("桥", "qiao"),
    ("源", "yuan"),
    ("收", "shou"),
    ("民", "min"),
    ("兴", "xing"),
    ("华", "hua"),
    ("光", "guang"),
    ("林", "lin"),
    ("湖", "hu"),
    ("塘", "tang"),
    ("浜", "bang"),
    ("湾", "wan"),
    ("庄", "zhuang"),
    ("漾", "yang"),
    ("泾", "jing"),
    ("荡", "dang"),
    ("溪", "xi"),
    ("山", "shan"),
    ("峰", "feng"),
    ("泉", "quan"),
    ("田", "tian"),
    ("河", "he"),
    ("乐", "le"),
    ("茂", "mao"),
    ("荣", "rong"),
    ("祥", "xiang"),
    ("城", "cheng"),
    ("家", "jia"),
    ("里", "li"),
    ("墩", "dun"),
    ("埭", "dai"),
    ("浦", "pu"),
    ("圩", "wei"),
    ("睦", "mu"),
    ("秀", "xiu"),
    ("水", "shui"),
    ("滨", "bin"),
    ("洲", "zhou"),
    ("岗", "gang"),
    ("盛", "sheng"),
]

# Course titles: slug, zh, en, category, audiences, style, description zh, description en.
# Audiences: E everyone, O older people, W workers, N new residents, R rural residents,
# F families, Y young people, D people with disabilities. Style: L talks, C class, T training.
AUDIENCE = {
    "E": "everyone",
    "O": "older-people",
    "W": "workers",
    "N": "new-residents",
    "R": "rural-residents",
    "F": "families",
    "Y": "young-people",
    "D": "people-with-disabilities",
}
TITLES = [
    # digital skills
    (
        "smartphone-basics",
        "智能手机使用",
        "Using a smartphone",
        "digital-skills",
        "OE",
        "C",
        "从开关机、打电话到拍照和微信，一步一步学会用手机。",
        "From switching on and calling to photos and WeChat, step by step.",
    ),
    (
        "wechat-video-calls",
        "微信视频通话",
        "Video calls on WeChat",
        "digital-skills",
        "O",
        "L",
        "和远方的家人视频聊天，发语音、发照片。",
        "Video chats with family far away, voice messages and photos.",
    ),
    (
        "mobile-payment",
        "移动支付与网上挂号",
        "Mobile payment and booking a doctor online",
        "digital-skills",
        "O",
        "C",
        "学会扫码付款、医院预约挂号和“浙里办”常用服务。",
        "Paying by QR code, booking hospital appointments and common services on the Zheliban app.",
    ),
    (
        "short-video-editing",
        "短视频拍摄与剪辑",
        "Shooting and editing short videos",
        "digital-skills",
        "EYO",
        "C",
        "用手机拍摄、剪辑一条一分钟的家乡短片。",
        "Shoot and edit a one-minute film about your home town on a phone.",
    ),
    (
        "ai-tools-everyday",
        "人工智能工具体验",
        "Everyday AI tools",
        "digital-skills",
        "EW",
        "L",
        "用人工智能助手查资料、写通知、做表格，也了解它的局限。",
        "Using AI assistants to look things up, draft notices and make tables, and knowing their limits.",
    ),
    (
        "office-software",
        "办公软件应用",
        "Office software",
        "digital-skills",
        "WN",
        "T",
        "文字处理、电子表格和演示文稿的常用功能。",
        "Everyday use of word processing, spreadsheets and presentations.",
    ),
    (
        "computer-basics",
        "电脑基础",
        "Computer basics",
        "digital-skills",
        "OE",
        "C",
        "键盘鼠标、文件管理和上网浏览。",
        "Keyboard and mouse, files and folders, and browsing the web.",
    ),
    (
        "kids-coding",
        "青少年编程启蒙",
        "Coding for young learners",
        "digital-skills",
        "YF",
        "C",
        "用图形化编程做小游戏，培养逻辑思维。",
        "Making small games with block-based coding.",
    ),
    (
        "livestream-selling",
        "直播带货实务",
        "Selling through livestreams",
        "digital-skills",
        "WR",
        "T",
        "直播间搭建、话术和售后规范。",
        "Setting up a live room, presenting products and after-sales rules.",
    ),
    (
        "screen-reader",
        "读屏软件与无障碍上网",
        "Screen readers and accessible browsing",
        "digital-skills",
        "D",
        "C",
        "视障朋友使用读屏软件上网、购物和出行。",
        "Screen readers for blind and partially sighted people: browsing, shopping and travel.",
    ),
    (
        "online-services",
        "网上办事",
        "Using online public services",
        "digital-skills",
        "EON",
        "L",
        "社保、医保、户籍等事项在手机上怎么办。",
        "Handling social insurance, medical insurance and residence matters on your phone.",
    ),
    (
        "phone-photo-editing",
        "手机修图",
        "Editing photos on your phone",
        "digital-skills",
        "OE",
        "C",
        "裁剪、调色和拼图，让照片更好看。",
        "Cropping, colour and collages to make your photos shine.",
    ),
    # health
    (
        "baduanjin",
        "八段锦",
        "Baduanjin qigong",
        "health",
        "OE",
        "C",
        "八个动作的传统健身功法，动作舒缓，适合各年龄段。",
        "Eight gentle traditional exercises, suitable at any age.",
    ),
    (
        "first-aid",
        "急救知识",
        "First aid basics",
        "health",
        "EWF",
        "L",
        "心肺复苏、海姆立克急救法和常见外伤处理。",
        "CPR, the Heimlich manoeuvre and treating common injuries.",
    ),
    (
        "tcm-diet",
        "中医食疗",
        "Chinese dietary therapy",
        "health",
        "OF",
        "L",
        "认识药食同源的常见食材，学做几道养生汤。",
        "Foods that double as medicine, and a few nourishing soups.",
    ),
    (
        "chronic-disease",
        "慢性病自我管理",
        "Living with chronic conditions",
        "health",
        "O",
        "L",
        "高血压、糖尿病患者的饮食、运动和用药。",
        "Diet, exercise and medicines for high blood pressure and diabetes.",
    ),
    (
        "mental-wellbeing",
        "心理健康讲座",
        "Talks on mental wellbeing",
        "health",
        "EWY",
        "L",
        "认识压力与情绪，学几种放松方法。",
        "Understanding stress and moods, and some ways to relax.",
    ),
    (
        "acupressure",
        "穴位按摩与保健",
        "Acupressure for self-care",
        "health",
        "OE",
        "C",
        "常用穴位的位置和按揉方法。",
        "Finding common acupoints and how to press them.",
    ),
    (
        "home-care-skills",
        "居家照护技巧",
        "Caring for an older relative at home",
        "health",
        "FE",
        "L",
        "翻身、喂食和防跌倒的照护要点。",
        "Turning, feeding and preventing falls when caring at home.",
    ),
    (
        "keeping-well",
        "养生保健",
        "Keeping well",
        "health",
        "O",
        "L",
        "四季养生与常见病预防。",
        "Staying well through the seasons and preventing common illnesses.",
    ),
    (
        "eye-care",
        "爱眼护眼",
        "Looking after your eyes",
        "health",
        "YFO",
        "L",
        "近视防控和老花、白内障的常识。",
        "Preventing short sight, and facts about ageing eyes and cataracts.",
    ),
    (
        "fall-prevention",
        "防跌倒训练",
        "Preventing falls",
        "health",
        "OD",
        "C",
        "平衡和力量练习，居家环境改造建议。",
        "Balance and strength exercises, and making your home safer.",
    ),
    # arts
    (
        "paper-cutting",
        "剪纸",
        "Paper cutting",
        "arts",
        "EOY",
        "C",
        "从对称团花到生肖图案，体验传统剪纸。",
        "From symmetrical flowers to zodiac animals: traditional paper cutting.",
    ),
    (
        "flower-arranging",
        "插花",
        "Flower arranging",
        "arts",
        "EO",
        "C",
        "东方插花与家居花艺，花材费用自理。",
        "Oriental flower arranging and flowers for the home; flowers paid for by learners.",
    ),
    (
        "knitting",
        "手工编织",
        "Knitting and crochet",
        "arts",
        "OE",
        "C",
        "围巾、帽子和小挂件，零基础可学。",
        "Scarves, hats and small charms; no experience needed.",
    ),
    ("photography", "摄影", "Photography", "arts", "EO", "C", "构图、用光和相机基本操作。", "Composition, light and using a camera."),
    ("pottery", "陶艺", "Pottery", "arts", "EYF", "C", "手捏、泥条盘筑和拉坯体验。", "Pinching, coiling and trying the wheel."),
    ("embroidery", "刺绣", "Embroidery", "arts", "EO", "C", "基本针法和小件绣品。", "Basic stitches and small pieces."),
    (
        "blue-calico",
        "蓝印花布",
        "Blue calico printing",
        "arts",
        "EY",
        "C",
        "刻版、刮浆和靛蓝染色。",
        "Cutting stencils, applying paste and dyeing with indigo.",
    ),
    (
        "leather-craft",
        "皮具手工制作",
        "Leather craft",
        "arts",
        "EY",
        "C",
        "钱包、卡套等小件皮具的裁切和缝制。",
        "Cutting and stitching small leather goods such as wallets and card holders.",
    ),
    ("fabric-crafts", "布艺手工", "Fabric crafts", "arts", "EF", "C", "布艺小挂件、香囊和抱枕。", "Fabric charms, sachets and cushions."),
    (
        "lantern-making",
        "花灯制作",
        "Lantern making",
        "arts",
        "EFY",
        "C",
        "竹篾扎架、糊纸和彩绘，做一盏传统花灯。",
        "Frame, paper and paint: make a traditional lantern.",
    ),
    ("chinese-knots", "中国结编织", "Chinese knots", "arts", "OE", "C", "盘长结、吉祥结等常见结法。", "Common decorative Chinese knots."),
    ("woodcarving", "木雕", "Woodcarving", "arts", "E", "C", "浅浮雕的基本刀法。", "Basic cuts for low-relief carving."),
    # calligraphy and painting
    (
        "calligraphy-regular",
        "书法（楷书）",
        "Calligraphy (regular script)",
        "calligraphy-painting",
        "OE",
        "C",
        "从笔画、结构到临帖，打好楷书基础。",
        "Strokes, structure and copying models: a grounding in regular script.",
    ),
    (
        "calligraphy-running",
        "书法（行书）",
        "Calligraphy (running script)",
        "calligraphy-painting",
        "O",
        "C",
        "在楷书基础上学习行书的连笔和章法。",
        "Moving on from regular script to the linked strokes of running script.",
    ),
    (
        "pen-calligraphy",
        "硬笔书法",
        "Pen calligraphy",
        "calligraphy-painting",
        "YEW",
        "C",
        "用钢笔和中性笔写一手好字。",
        "Writing a good hand with a pen.",
    ),
    (
        "bird-flower-painting",
        "国画花鸟",
        "Chinese painting: birds and flowers",
        "calligraphy-painting",
        "O",
        "C",
        "梅兰竹菊和常见禽鸟的画法。",
        "Plum, orchid, bamboo, chrysanthemum and common birds.",
    ),
    (
        "landscape-painting",
        "山水画",
        "Landscape painting",
        "calligraphy-painting",
        "O",
        "C",
        "山石树木的勾皴点染。",
        "Outlining, texturing and washes for rocks, trees and mountains.",
    ),
    (
        "watercolour",
        "水彩画",
        "Watercolour",
        "calligraphy-painting",
        "EY",
        "C",
        "色彩调和与江南水乡风景写生。",
        "Mixing colours and painting water-town scenes from life.",
    ),
    (
        "sketching",
        "素描基础",
        "Drawing basics",
        "calligraphy-painting",
        "YE",
        "C",
        "线条、明暗和静物写生。",
        "Line, shading and still life.",
    ),
    (
        "farmer-painting",
        "农民画",
        "Farmer painting",
        "calligraphy-painting",
        "ER",
        "C",
        "用明快的色彩描绘田园生活。",
        "Country life in bright colours.",
    ),
    (
        "seal-carving",
        "篆刻",
        "Seal carving",
        "calligraphy-painting",
        "OE",
        "C",
        "印稿设计和刀法入门。",
        "Designing a seal and the first cuts.",
    ),
    # music and dance
    (
        "choir",
        "合唱",
        "Choir",
        "music-dance",
        "OE",
        "C",
        "发声训练与多声部合唱，每学期末汇报演出。",
        "Voice training and part singing, with a concert at the end of term.",
    ),
    (
        "yue-opera",
        "越剧演唱",
        "Singing Yue opera",
        "music-dance",
        "O",
        "C",
        "越剧经典唱段和身段。",
        "Classic Yue opera arias and stage movement.",
    ),
    ("guzheng", "古筝", "Guzheng", "music-dance", "EYO", "C", "指法入门和经典小曲。", "Fingering and short classic pieces."),
    ("guqin", "古琴", "Guqin", "music-dance", "EO", "C", "古琴基本指法与入门曲目。", "Basic guqin technique and beginners' pieces."),
    ("erhu", "二胡", "Erhu", "music-dance", "O", "C", "持弓、按弦和民乐小曲。", "Holding the bow, stopping the strings and folk tunes."),
    (
        "hulusi",
        "葫芦丝",
        "Hulusi (gourd flute)",
        "music-dance",
        "OY",
        "C",
        "呼吸、指法和民歌演奏。",
        "Breathing, fingering and folk songs.",
    ),
    (
        "ballroom-dance",
        "交谊舞",
        "Ballroom dancing",
        "music-dance",
        "OE",
        "C",
        "慢三、慢四和伦巴的基本步。",
        "Basic steps of the waltz, foxtrot and rumba.",
    ),
    (
        "square-dance",
        "广场舞",
        "Square dancing",
        "music-dance",
        "OE",
        "C",
        "节奏明快的健身广场舞，每月学一支新舞。",
        "Lively fitness dances; a new one each month.",
    ),
    ("ukulele", "尤克里里", "Ukulele", "music-dance", "YE", "C", "和弦、扫弦和弹唱。", "Chords, strumming and singing along."),
    (
        "folk-songs",
        "江南民歌",
        "Jiangnan folk songs",
        "music-dance",
        "OE",
        "C",
        "学唱水乡民歌和田歌。",
        "Folk and field songs of the water towns.",
    ),
    ("harmonica", "口琴", "Harmonica", "music-dance", "O", "C", "单音吹奏和简单伴奏。", "Single notes and simple accompaniment."),
    # language
    (
        "english-speaking",
        "英语口语",
        "Spoken English",
        "language",
        "EYW",
        "C",
        "日常会话、问路和购物用语。",
        "Everyday conversation, asking the way and shopping.",
    ),
    (
        "travel-english",
        "旅游英语",
        "English for travel",
        "language",
        "OE",
        "C",
        "出境游常用的机场、酒店和点餐英语。",
        "English for airports, hotels and ordering food abroad.",
    ),
    (
        "putonghua",
        "普通话",
        "Standard Mandarin",
        "language",
        "NE",
        "C",
        "声母韵母、声调和日常表达。",
        "Initials, finals, tones and everyday expressions.",
    ),
    (
        "jiaxing-dialect",
        "嘉兴话",
        "Jiaxing dialect",
        "language",
        "N",
        "L",
        "日常生活中最常用的嘉兴方言。",
        "The Jiaxing dialect you hear every day.",
    ),
    (
        "sign-language",
        "手语",
        "Sign language",
        "language",
        "ED",
        "C",
        "常用手语词汇和日常交流。",
        "Common signs and everyday conversation.",
    ),
    ("japanese", "日语", "Japanese", "language", "EY", "C", "五十音图和简单会话。", "The kana and simple conversation."),
    (
        "reading-characters",
        "识字班",
        "Reading Chinese characters",
        "language",
        "ON",
        "C",
        "认读常用汉字，会写自己的名字和地址。",
        "Reading common characters and writing your name and address.",
    ),
    ("korean", "韩语", "Korean", "language", "YE", "C", "韩文字母和日常问候。", "The Korean alphabet and everyday greetings."),
    # vocational skills
    (
        "electrician",
        "电工",
        "Electrician training",
        "vocational-skills",
        "W",
        "T",
        "低压电工作业安全规程与实操，可考取操作证。",
        "Low-voltage safety rules and practice, leading to the operator's certificate.",
    ),
    (
        "welding",
        "焊工技能",
        "Welding skills",
        "vocational-skills",
        "W",
        "T",
        "手工电弧焊和气保焊实操。",
        "Hands-on arc and gas-shielded welding.",
    ),
    (
        "e-commerce",
        "电子商务",
        "E-commerce",
        "vocational-skills",
        "WRY",
        "T",
        "网店开设、商品拍摄和客户服务。",
        "Opening an online shop, product photos and customer service.",
    ),
    (
        "elderly-care-worker",
        "养老护理员",
        "Care worker for older people",
        "vocational-skills",
        "WN",
        "T",
        "生活照料、基础护理和沟通技巧。",
        "Daily care, basic nursing and communication.",
    ),
    (
        "childcare-worker",
        "育婴员",
        "Infant care worker",
        "vocational-skills",
        "WN",
        "T",
        "婴幼儿喂养、护理和早期发展。",
        "Feeding, caring for and supporting the development of babies.",
    ),
    ("barista", "咖啡师", "Barista", "vocational-skills", "YW", "T", "意式咖啡萃取、奶泡和拉花。", "Espresso, milk foam and latte art."),
    (
        "hairdressing",
        "美发",
        "Hairdressing",
        "vocational-skills",
        "WY",
        "T",
        "剪发、吹风造型和头皮护理。",
        "Cutting, blow-drying and scalp care.",
    ),
    (
        "forklift",
        "叉车操作",
        "Forklift operation",
        "vocational-skills",
        "W",
        "T",
        "安全操作规程和场地实操，可考取特种设备作业证。",
        "Safety rules and yard practice, leading to the special equipment licence.",
    ),
    (
        "drone-flying",
        "无人机操控",
        "Flying drones",
        "vocational-skills",
        "YWR",
        "T",
        "飞行法规、航拍和植保作业。",
        "Rules of the air, aerial photography and crop spraying.",
    ),
    (
        "car-care",
        "汽车日常保养",
        "Looking after your car",
        "vocational-skills",
        "EW",
        "L",
        "机油、轮胎和灯光的日常检查。",
        "Everyday checks of oil, tyres and lights.",
    ),
    (
        "logistics",
        "快递物流实务",
        "Parcel delivery and logistics",
        "vocational-skills",
        "WN",
        "T",
        "分拣、派送和仓储管理。",
        "Sorting, delivery and warehouse management.",
    ),
    (
        "guesthouse",
        "民宿服务与管理",
        "Running a guesthouse",
        "vocational-skills",
        "RW",
        "T",
        "客房服务、线上预订和乡村旅游接待。",
        "Housekeeping, online bookings and welcoming rural tourists.",
    ),
    (
        "pastry-chef",
        "中式面点师",
        "Chinese pastry chef",
        "vocational-skills",
        "WN",
        "T",
        "包子、馒头和苏式糕点的制作。",
        "Steamed buns and Suzhou-style pastries.",
    ),
    (
        "therapeutic-massage",
        "保健按摩师",
        "Therapeutic massage",
        "vocational-skills",
        "WD",
        "T",
        "保健按摩手法与职业规范。",
        "Massage techniques and professional standards.",
    ),
    (
        "knitwear-design",
        "毛衫设计与电商",
        "Knitwear design and online sales",
        "vocational-skills",
        "W",
        "T",
        "毛衫款式设计、打样和网上销售。",
        "Designing and sampling knitwear and selling it online.",
    ),
    (
        "cnc-lathe",
        "数控车床操作",
        "CNC lathe operation",
        "vocational-skills",
        "W",
        "T",
        "数控编程基础和车床实操。",
        "CNC programming basics and lathe practice.",
    ),
    (
        "home-electrics",
        "家庭电工",
        "Home electrics",
        "vocational-skills",
        "EW",
        "C",
        "开关插座更换和家庭用电安全。",
        "Changing switches and sockets safely at home.",
    ),
    # family education
    (
        "parenting-talks",
        "育儿讲堂",
        "Parenting talks",
        "family-education",
        "F",
        "L",
        "科学育儿，从饮食、睡眠到情绪管理。",
        "Raising children: food, sleep and feelings.",
    ),
    (
        "early-learning",
        "0—3 岁早期教育",
        "Early learning from 0 to 3",
        "family-education",
        "F",
        "L",
        "亲子游戏和语言启蒙。",
        "Play and first words with babies and toddlers.",
    ),
    (
        "teen-communication",
        "与青春期孩子沟通",
        "Talking with teenagers",
        "family-education",
        "F",
        "L",
        "理解青春期变化，学会倾听与沟通。",
        "Understanding teenage changes; listening and talking.",
    ),
    (
        "grandparenting",
        "隔代教育",
        "Grandparents raising grandchildren",
        "family-education",
        "OF",
        "L",
        "祖辈带娃的科学方法和两代人的分工。",
        "Good practice for grandparents, and sharing the job with parents.",
    ),
    (
        "parent-child-reading",
        "亲子阅读",
        "Reading with your child",
        "family-education",
        "FY",
        "C",
        "绘本共读和家庭阅读习惯的培养。",
        "Sharing picture books and building a reading habit.",
    ),
    (
        "newcomer-parents",
        "新居民家长学校",
        "School for newcomer parents",
        "family-education",
        "NF",
        "L",
        "入学政策、家校沟通和城市生活。",
        "School places, working with teachers and city life.",
    ),
    (
        "child-safety",
        "儿童安全教育",
        "Keeping children safe",
        "family-education",
        "FY",
        "L",
        "防溺水、防拐骗和居家安全。",
        "Water safety, stranger danger and safety at home.",
    ),
    # culture and history
    (
        "tea-art",
        "茶艺",
        "The art of tea",
        "culture-history",
        "EO",
        "C",
        "绿茶、红茶的冲泡和茶席布置。",
        "Brewing green and black teas and setting a tea table.",
    ),
    (
        "jiaxing-history",
        "嘉兴地方史话",
        "Stories of Jiaxing's past",
        "culture-history",
        "EON",
        "L",
        "从马家浜文化到近代嘉兴的地方历史。",
        "Local history from the Majiabang culture to modern Jiaxing.",
    ),
    (
        "red-boat-spirit",
        "红船精神",
        "The spirit of the Red Boat",
        "culture-history",
        "EW",
        "L",
        "南湖红船的历史与红船精神的内涵。",
        "The history of the Red Boat on South Lake and what it stands for.",
    ),
    (
        "canal-culture",
        "运河文化",
        "Grand Canal culture",
        "culture-history",
        "EO",
        "L",
        "大运河嘉兴段的古桥、古镇和漕运故事。",
        "Old bridges, water towns and grain transport on the Jiaxing stretch of the Grand Canal.",
    ),
    (
        "classical-poetry",
        "古诗词欣赏",
        "Classical Chinese poetry",
        "culture-history",
        "OE",
        "C",
        "唐诗宋词名篇赏读。",
        "Reading famous Tang and Song poems.",
    ),
    (
        "intangible-heritage",
        "非遗文化体验",
        "Intangible heritage taster",
        "culture-history",
        "EYF",
        "L",
        "走近本地非遗项目，动手体验。",
        "Meet local intangible heritage and try it yourself.",
    ),
    (
        "zongzi-culture",
        "粽子文化",
        "Zongzi and Dragon Boat customs",
        "culture-history",
        "EN",
        "L",
        "嘉兴粽子的来历和端午习俗。",
        "The story of the Jiaxing zongzi and Dragon Boat Festival customs.",
    ),
    (
        "silk-culture",
        "蚕桑丝绸文化",
        "Silkworms and silk",
        "culture-history",
        "EY",
        "L",
        "养蚕、缫丝和丝绸之府的历史。",
        "Silkworms, reeling silk and the region's silk history.",
    ),
    (
        "reading-circle",
        "读书会",
        "Reading circle",
        "culture-history",
        "E",
        "C",
        "每月共读一本书，分享读后感。",
        "One book a month, read and discussed together.",
    ),
    (
        "folk-customs",
        "江南民俗",
        "Jiangnan folk customs",
        "culture-history",
        "ON",
        "L",
        "节令习俗和传统礼仪。",
        "Seasonal customs and traditional etiquette.",
    ),
    # cooking
    ("baking", "烘焙", "Baking", "cooking", "EFY", "C", "面包、蛋糕和饼干的基础做法。", "Bread, cakes and biscuits."),
    (
        "home-cooking",
        "家常菜",
        "Home cooking",
        "cooking",
        "EN",
        "C",
        "几道嘉兴家常菜，学会就能上桌。",
        "A few Jiaxing home dishes, ready for the table.",
    ),
    (
        "zongzi-making",
        "嘉兴粽子制作",
        "Making Jiaxing zongzi",
        "cooking",
        "ENF",
        "C",
        "选米、调馅和包扎手法。",
        "Choosing rice, making fillings and wrapping.",
    ),
    (
        "healthy-meals",
        "营养配餐",
        "Planning healthy meals",
        "cooking",
        "OF",
        "C",
        "少油少盐的一日三餐搭配。",
        "Balanced meals with less oil and salt.",
    ),
    ("western-desserts", "西点制作", "Western desserts", "cooking", "YE", "C", "慕斯、蛋挞和泡芙。", "Mousse, custard tarts and choux."),
    (
        "jiangnan-snacks",
        "江南点心",
        "Jiangnan snacks",
        "cooking",
        "OE",
        "C",
        "青团、汤圆和定胜糕。",
        "Green rice balls, tangyuan and dingsheng cakes.",
    ),
    (
        "vegetarian-cooking",
        "素食料理",
        "Vegetarian cooking",
        "cooking",
        "E",
        "C",
        "时令蔬菜和豆制品的做法。",
        "Seasonal vegetables and tofu dishes.",
    ),
    # sports
    (
        "tai-chi",
        "太极拳",
        "Tai chi",
        "sports",
        "OE",
        "C",
        "二十四式太极拳，动作舒展，强身健体。",
        "The 24-form tai chi: flowing movements for health.",
    ),
    ("tai-chi-sword", "太极剑", "Tai chi sword", "sports", "O", "C", "三十二式太极剑。", "The 32-form tai chi sword."),
    ("table-tennis", "乒乓球", "Table tennis", "sports", "EYO", "C", "握拍、发球和正反手技术。", "Grip, serve, forehand and backhand."),
    ("badminton", "羽毛球", "Badminton", "sports", "EY", "C", "步法和基本击球技术。", "Footwork and the basic strokes."),
    (
        "yoga",
        "瑜伽",
        "Yoga",
        "sports",
        "EW",
        "C",
        "呼吸与体式，缓解久坐疲劳。",
        "Breathing and postures to ease the strain of sitting all day.",
    ),
    ("soft-ball", "柔力球", "Taiji soft ball", "sports", "O", "C", "以柔克刚的健身球运动。", "A gentle fitness game with racket and ball."),
    ("gateball", "门球", "Gateball", "sports", "O", "C", "门球规则与击球技巧。", "Gateball rules and hitting technique."),
    (
        "adaptive-fitness",
        "康复健身操",
        "Adapted fitness exercises",
        "sports",
        "DO",
        "C",
        "在康复师指导下进行的低强度锻炼。",
        "Low-intensity exercise led by a physiotherapist.",
    ),
    ("swimming", "游泳", "Swimming", "sports", "YE", "C", "蛙泳入门和水上安全。", "Breaststroke and water safety."),
    (
        "fitness-walking",
        "健步走",
        "Fitness walking",
        "sports",
        "OE",
        "C",
        "正确的走路姿势和运动量把握。",
        "Walking well and at the right pace.",
    ),
    # civic
    (
        "anti-fraud",
        "防诈骗",
        "Avoiding scams",
        "civic",
        "OE",
        "L",
        "民警讲解电信网络诈骗常见手法。",
        "Police officers explain common phone and online scams.",
    ),
    (
        "waste-sorting",
        "垃圾分类",
        "Sorting household waste",
        "civic",
        "EN",
        "L",
        "四分类标准和家庭分类小窍门。",
        "The four categories and tips for sorting at home.",
    ),
    ("fire-safety", "消防安全", "Fire safety", "civic", "EW", "L", "灭火器使用和火场逃生。", "Using an extinguisher and escaping a fire."),
    ("road-safety", "交通安全", "Road safety", "civic", "EYO", "L", "电动自行车安全和文明出行。", "E-bike safety and considerate travel."),
    (
        "everyday-law",
        "民法典与日常生活",
        "The Civil Code in everyday life",
        "civic",
        "EO",
        "L",
        "婚姻家庭、继承和邻里纠纷中的法律常识。",
        "Law for marriage, family, inheritance and disputes with neighbours.",
    ),
    (
        "settling-in",
        "新居民融入课堂",
        "Settling into Jiaxing",
        "civic",
        "N",
        "L",
        "积分落户、社保和子女入学政策解读。",
        "Residence points, social insurance and school places explained.",
    ),
    (
        "volunteering",
        "志愿服务技能",
        "Skills for volunteers",
        "civic",
        "EY",
        "L",
        "志愿服务礼仪、沟通和应急处置。",
        "Etiquette, communication and emergencies for volunteers.",
    ),
    (
        "community-affairs",
        "社区议事",
        "Taking part in community affairs",
        "civic",
        "E",
        "L",
        "居民议事会的规则和方法。",
        "How residents' councils work.",
    ),
    # agriculture
    (
        "greenhouse-vegetables",
        "设施蔬菜栽培",
        "Greenhouse vegetables",
        "agriculture",
        "R",
        "T",
        "大棚蔬菜的品种选择和病虫害防治。",
        "Choosing varieties and controlling pests in greenhouses.",
    ),
    (
        "family-farm",
        "家庭农场经营",
        "Running a family farm",
        "agriculture",
        "R",
        "T",
        "家庭农场的规划、补贴政策和销售渠道。",
        "Planning, subsidies and sales for family farms.",
    ),
    (
        "peach-growing",
        "水蜜桃栽培",
        "Growing honey peaches",
        "agriculture",
        "R",
        "C",
        "整枝修剪、疏果和套袋。",
        "Pruning, thinning and bagging fruit.",
    ),
    (
        "rice-fish",
        "稻渔综合种养",
        "Rice and fish farming together",
        "agriculture",
        "R",
        "T",
        "稻田养鱼、养虾的技术要点。",
        "Raising fish and crayfish in paddy fields.",
    ),
    (
        "selling-produce-online",
        "农产品网络销售",
        "Selling farm produce online",
        "agriculture",
        "RW",
        "T",
        "农产品拍摄、包装和网店运营。",
        "Photographing, packing and selling produce online.",
    ),
    (
        "balcony-gardening",
        "阳台种菜",
        "Balcony vegetable gardening",
        "agriculture",
        "EOF",
        "C",
        "在阳台上种葱蒜、番茄和香草。",
        "Growing spring onions, tomatoes and herbs on a balcony.",
    ),
    (
        "cut-flowers",
        "鲜切花种植",
        "Growing cut flowers",
        "agriculture",
        "R",
        "T",
        "玫瑰、百合等鲜切花的种植管理。",
        "Growing roses, lilies and other cut flowers.",
    ),
    (
        "mushroom-growing",
        "食用菌栽培",
        "Growing edible mushrooms",
        "agriculture",
        "R",
        "T",
        "菌棒制作、出菇管理和采收。",
        "Making substrate logs, fruiting and harvesting.",
    ),
    (
        "green-crop-protection",
        "绿色植保",
        "Green crop protection",
        "agriculture",
        "R",
        "L",
        "农药减量和生物防治。",
        "Using fewer pesticides and biological controls.",
    ),
    # finance
    (
        "household-finance",
        "家庭理财",
        "Managing household money",
        "finance",
        "EF",
        "L",
        "家庭收支、储蓄和保险的合理安排。",
        "Household budgets, savings and insurance.",
    ),
    (
        "digital-rmb",
        "数字人民币使用",
        "Using the digital yuan",
        "finance",
        "OE",
        "C",
        "开通钱包、支付与安全设置。",
        "Opening a wallet, paying and staying safe.",
    ),
    (
        "pensions",
        "社保与养老金",
        "Pensions and social insurance",
        "finance",
        "OW",
        "L",
        "养老保险缴费、领取和医保报销政策。",
        "Paying into and drawing a pension, and claiming medical insurance.",
    ),
    (
        "illegal-fundraising",
        "识别非法集资",
        "Spotting illegal fundraising",
        "finance",
        "OE",
        "L",
        "高息诱惑背后的陷阱和维权途径。",
        "The traps behind promises of high returns, and where to get help.",
    ),
    (
        "bookkeeping",
        "小微企业记账",
        "Bookkeeping for small businesses",
        "finance",
        "W",
        "T",
        "记账凭证、纳税申报和发票管理。",
        "Vouchers, tax returns and invoices.",
    ),
    (
        "income-tax",
        "个人所得税年度汇算",
        "Personal income tax explained",
        "finance",
        "WN",
        "L",
        "专项附加扣除和年度汇算操作。",
        "Special deductions and the annual tax return.",
    ),
    (
        "consumer-rights",
        "消费维权",
        "Consumer rights",
        "finance",
        "EO",
        "L",
        "网购退换货和消费纠纷处理。",
        "Returns, refunds and consumer disputes.",
    ),
]
# Titles offered only in their county: its intangible heritage and produce.
LOCAL_TITLES = {
    "nanhu": [
        (
            "south-lake-stories",
            "南湖故事会",
            "Stories of South Lake",
            "culture-history",
            "EO",
            "L",
            "南湖的名胜、传说和红船故事。",
            "Sights, legends and the Red Boat story of South Lake.",
        )
    ],
    "xiuzhou": [
        (
            "xiuzhou-farmer-painting",
            "秀洲农民画",
            "Xiuzhou farmer painting",
            "calligraphy-painting",
            "ER",
            "C",
            "国家级非遗秀洲农民画的构图与设色。",
            "Composition and colour in Xiuzhou farmer painting, national intangible heritage.",
        )
    ],
    "jiashan": [
        (
            "field-songs",
            "嘉善田歌",
            "Jiashan field songs",
            "music-dance",
            "OE",
            "C",
            "学唱国家级非遗嘉善田歌。",
            "Learn to sing Jiashan field songs, national intangible heritage.",
        )
    ],
    "pinghu": [
        (
            "pinghu-pipa",
            "平湖派琵琶",
            "Pipa in the Pinghu style",
            "music-dance",
            "EY",
            "C",
            "平湖派琵琶的指法和名曲。",
            "Fingering and famous pieces of the Pinghu pipa school.",
        ),
        (
            "watermelon-lanterns",
            "西瓜灯雕刻",
            "Carving watermelon lanterns",
            "arts",
            "EYF",
            "C",
            "平湖西瓜灯的选瓜、构图和雕刻。",
            "Choosing, designing and carving Pinghu watermelon lanterns.",
        ),
    ],
    "haiyan": [
        (
            "rolling-lantern",
            "海盐滚灯",
            "Haiyan rolling lantern dance",
            "music-dance",
            "EY",
            "C",
            "国家级非遗海盐滚灯的基本动作。",
            "Basic moves of the Haiyan rolling lantern, national intangible heritage.",
        )
    ],
    "haining": [
        (
            "xiashi-lanterns",
            "硖石灯彩",
            "Xiashi lantern making",
            "arts",
            "EY",
            "C",
            "针刺工艺的硖石灯彩制作。",
            "Making Xiashi lanterns with pricked-paper patterns.",
        ),
        (
            "tidal-bore",
            "海宁潮文化",
            "Culture of the Qiantang tidal bore",
            "culture-history",
            "EO",
            "L",
            "观潮胜地盐官的潮文化与海塘历史。",
            "Tide-watching in Yanguan and the history of the sea walls.",
        ),
    ],
    "tongxiang": [
        (
            "white-chrysanthemum",
            "杭白菊种植",
            "Growing Hangzhou white chrysanthemums",
            "agriculture",
            "R",
            "T",
            "桐乡杭白菊的育苗、管理和加工。",
            "Raising, tending and drying Tongxiang white chrysanthemums.",
        ),
        (
            "blue-calico-tongxiang",
            "桐乡蓝印花布",
            "Tongxiang blue calico",
            "arts",
            "EY",
            "C",
            "非遗蓝印花布的刻版与印染。",
            "Stencils and dyeing for Tongxiang blue calico, intangible heritage.",
        ),
    ],
}
# zh suffix, en suffix, id suffix, weight, effect
VARIANTS = [
    ("", "", "", 46, None),
    ("（初级班）", " (beginners)", "-beginners", 12, None),
    ("（提高班）", " (improvers)", "-improvers", 10, None),
    ("入门", ": first steps", "-intro", 8, None),
    ("（周末班）", " (weekend class)", "-weekend", 9, "weekend"),
    ("（晚班）", " (evening class)", "-evening", 7, "evening"),
    ("（线上班）", " (online)", "-online", 5, "online"),
    ("（亲子班）", " (parent and child)", "-family", 3, "family"),
]
TALK_VARIANTS = [
    ("", "", "", 60, None),
    ("讲座", ": talks", "-talks", 25, None),
    ("（线上讲座）", " (online talks)", "-online", 10, "online"),
    ("（晚间讲座）", " (evening talks)", "-evening", 5, "evening"),
]
DESCRIPTION_EXTRAS = [
    ("小班教学，老师逐一指导。", "Small class with one-to-one help."),
    ("零基础可报。", "No experience needed."),
    ("每次课后布置少量练习。", "A little practice after each session."),
    ("讲座后设答疑环节。", "Questions welcome after each talk."),
    ("请自带水杯和笔记本。", "Please bring a water bottle and a notebook."),
    ("结业时颁发学习证明。", "A certificate of attendance at the end."),
]
ROOMS = {
    "digital-skills": [("计算机房", "Computer room"), ("智慧教室", "Smart classroom")],
    "health": [("健康教室", "Health classroom"), ("多功能厅", "Multi-purpose hall")],
    "arts": [("手工坊", "Craft workshop"), ("创意工作室", "Creative studio"), ("美术教室", "Art room")],
    "calligraphy-painting": [("书画室", "Calligraphy and painting room"), ("美术教室", "Art room")],
    "music-dance": [("音乐教室", "Music room"), ("排练厅", "Rehearsal hall"), ("舞蹈房", "Dance studio")],
    "language": [("语言教室", "Language classroom"), ("智慧教室", "Smart classroom")],
    "vocational-skills": [("实训室", "Training workshop"), ("实训基地", "Training base")],
    "family-education": [("家长学校教室", "Parents' school classroom"), ("多功能厅", "Multi-purpose hall")],
    "culture-history": [("报告厅", "Lecture hall"), ("茶艺室", "Tea room")],
    "cooking": [("烹饪教室", "Cookery classroom"), ("共享厨房", "Shared kitchen")],
    "sports": [("健身房", "Fitness room"), ("体育馆", "Sports hall"), ("健身活动室", "Exercise room")],
    "civic": [("会议室", "Meeting room"), ("报告厅", "Lecture hall")],
    "agriculture": [("农业示范基地", "Farming demonstration base"), ("田间课堂", "Field classroom")],
    "finance": [("会议室", "Meeting room"), ("报告厅", "Lecture hall")],
}
VILLAGE_ROOMS = [
    ("村民活动室", "Villagers' activity room"),
    ("文化礼堂", "Cultural hall"),
    ("居家养老服务中心", "Home-care centre"),
    ("党群服务中心", "Community service centre"),
    ("农家书屋", "Village library"),
]
ONLINE_PLACES = [
    ("嘉兴学习在线平台", "Jiaxing online learning platform"),
    ("线上（腾讯会议）", "Online (Tencent Meeting)"),
    ("线上（钉钉直播）", "Online (DingTalk live)"),
]
ENROL_NOTES = {
    "online": [
        ("扫码或登录报名平台报名。", "Scan the code or use the online platform."),
        ("在报名平台填写信息，按时间先后录取。", "Fill in the form on the platform; places go in order of application."),
    ],
    "on-site": [
        ("到社区服务窗口报名。", "Enrol at the community service desk."),
        ("报名当天携带身份证到校。", "Come to the school on enrolment day with your ID card."),
    ],
    "phone": [
        ("电话报名，额满即止。", "Enrol by phone until the class is full."),
        ("工作日电话报名。", "Phone on a working day to enrol."),
    ],
    "lottery": [
        ("报名人数超过名额时电脑摇号。", "Places are drawn by lot when more people apply than there are places."),
        ("摇号结果短信通知。", "The result of the draw is sent by text message."),
    ],
}
PROJECTS = [
    (
        "rural-tourism",
        "乡村旅游民宿服务",
        "Rural tourism and guesthouse service",
        "民宿管家、农家乐厨师和乡村导游培训。",
        "Training guesthouse hosts, farm-stay cooks and village guides.",
    ),
    (
        "safety-at-work",
        "企业职工安全生产培训",
        "Workplace safety for employees",
        "联合镇内企业开展安全生产和职业健康培训。",
        "Safety and occupational health training with local firms.",
    ),
    (
        "veterans-skills",
        "退役军人技能培训",
        "Skills for veterans",
        "退役军人创业就业技能培训。",
        "Skills for veterans starting work or a business.",
    ),
    (
        "new-farmers",
        "新型职业农民培育",
        "Training a new generation of farmers",
        "种养技术、农产品电商和合作社经营。",
        "Farming techniques, online sales and running cooperatives.",
    ),
    (
        "digital-literacy",
        "老年人数字素养提升",
        "Digital skills for older people",
        "手把手教老年人使用智能手机和网上办事。",
        "Hands-on help for older people with smartphones and online services.",
    ),
    (
        "domestic-services",
        "家政服务员培训",
        "Training domestic service workers",
        "家政、保洁和母婴护理技能培训。",
        "Housekeeping, cleaning and maternity care skills.",
    ),
    (
        "newcomer-skills",
        "新居民职业技能提升",
        "Skills for new residents",
        "面向新居民的职业技能和岗位培训。",
        "Job skills and on-the-job training for new residents.",
    ),
    (
        "heritage-apprentices",
        "非遗传承人培养",
        "Training heritage apprentices",
        "邀请非遗传承人带徒授艺。",
        "Heritage masters take on and teach apprentices.",
    ),
    (
        "livestream-talent",
        "电商直播人才培养",
        "Livestream sales talent",
        "直播电商运营和主播培训。",
        "Training livestream hosts and online shop managers.",
    ),
    (
        "disability-employment",
        "残疾人就业技能培训",
        "Job skills for people with disabilities",
        "按摩、手工和电商等就业技能。",
        "Massage, crafts and online business skills for work.",
    ),
    (
        "community-leaders",
        "社区治理骨干培训",
        "Training community leaders",
        "楼道长、网格员和志愿者骨干培训。",
        "Training block captains, grid workers and lead volunteers.",
    ),
    (
        "family-educators",
        "家庭教育指导师培训",
        "Training family education advisers",
        "培养社区家庭教育指导骨干。",
        "Training advisers on family education for the community.",
    ),
]
HANDLE_WORDS = ["learning", "edu", "school", "sample", "cc", "desk", "team", "data"]
DAY_PAIRS = [("mon", "wed"), ("tue", "thu"), ("wed", "fri"), ("mon", "thu"), ("tue", "fri"), ("sat", "sun")]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
SLOTS = {
    "morning": ["08:30", "09:00", "09:30", "10:00"],
    "afternoon": ["13:30", "14:00", "14:30", "15:00"],
    "evening": ["18:30", "19:00", "19:30"],
}
DURATIONS = [60, 90, 90, 90, 120, 120, 150]
TERMS = [
    ("2026-autumn", "2026 年秋季学期", "Autumn term 2026", dt.date(2026, 9, 7), dt.date(2027, 1, 15)),
    ("2027-spring", "2027 年春季学期", "Spring term 2027", dt.date(2027, 2, 22), dt.date(2027, 6, 30)),
]
FIRST_START, LAST_START = dt.date(2026, 9, 1), dt.date(2027, 7, 31)

# --- helpers -------------------------------------------------------------------------------------


def text(zh: str, en: str | None, english: bool = True) -> dict:
    return {"zh": zh, "en": en} if english and en else {"zh": zh}


def short(name_en: str) -> str:
    """'Haining City' -> 'Haining', 'Baibu Town' -> 'Baibu'."""
    for word in (" District", " County", " City", " Town", " Subdistrict"):
        if name_en.endswith(word):
            return name_en[: -len(word)]
    return name_en


def clock_add(start: str, minutes: int) -> str:
    hours, mins = map(int, start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


class Phones:
    """0573-0000-NNNN, one per record while they last."""

    def __init__(self) -> None:
        self.next = 1000

    def __call__(self) -> str:
        number = self.next
        self.next = 1000 if self.next >= 9999 else self.next + 1
        return f"0573-0000-{number:04d}"


def contact(rng: random.Random, phone: str, rid: str, folder: str = "") -> dict:
    data = {"phone": phone}
    if rng.random() < 0.45:
        data["email"] = f"mailto:{rng.choice(['info', 'office', 'enrol'])}.{rid}@example.org"
    if rng.random() < 0.6 or "email" not in data:
        data["website"] = f"https://example.org/{folder}{rid}"
    return data


def last_verified(rng: random.Random) -> dt.date:
    return dt.date(2026, 8, 1) + dt.timedelta(days=rng.randrange(0, 110))


# --- regions and places --------------------------------------------------------------------------


class Place:
    """A county or a town/street with its names."""

    def __init__(self, rid: str, zh: str, en: str, county: Place | None = None, kind: str = "county"):
        self.id, self.zh, self.en, self.county, self.kind = rid, zh, en, county, kind
        self.short = short(en)


class Town(Place):
    """A town or street: always in a county."""

    county: Place


def load_regions() -> tuple[list[Place], list[Town]]:
    data = yaml.safe_load((SOURCE / "regions.yml").read_text(encoding="utf-8"))
    counties: list[Place] = []
    towns: list[Town] = []
    for c in data["counties"]:
        county = Place(c["id"], c["name"]["zh"], c["name"]["en"])
        counties.append(county)
        for t in c.get("towns", []):
            towns.append(Town(t["id"], t["name"]["zh"], t["name"]["en"], county, t["kind"]))
    return counties, towns


class Villages:
    """Invented village (towns) and community (streets) names, unique per town."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: dict[str, set[str]] = {}

    def new(self, town: Place) -> tuple[str, str, str]:
        """(zh, English, slug), e.g. ('长安', "Chang'an", 'changan')."""
        used = self.used.setdefault(town.id, set())
        for _ in range(200):
            (a, pa), (b, pb) = self.rng.choice(FIRST), self.rng.choice(SECOND)
            if a == b or pa + pb in used:
                continue
            used.add(pa + pb)
            sep = "'" if pb[0] in "aeo" else ""
            return a + b, (pa + sep + pb).capitalize(), pa + pb
        number = len(used) + 1  # a town with thousands of villages: number the rest
        used.add(f"n{number}")
        return f"第{number}", f"No. {number}", f"n{number}"


# --- providers -----------------------------------------------------------------------------------


class Synth:
    def __init__(self, providers: int, venues: int, courses: int, seed: int):
        self.n_providers, self.n_venues, self.n_courses = providers, venues, courses
        self.rng = random.Random(seed)
        self.counties, self.towns = load_regions()
        self.towns_of = {c.id: [t for t in self.towns if t.county is c] for c in self.counties}
        self.villages = Villages(self.rng)
        self.phone = Phones()
        self.providers: list[dict] = []
        self.venues: list[dict] = []
        self.provider_ids: set[str] = set()
        self.meta: dict[str, dict] = {}  # provider id -> place, group, english

    # records -------------------------------------------------------------------

    def english(self) -> bool:
        return self.rng.random() >= NO_ENGLISH

    def handle(self, base: str) -> Plain:
        return Plain(f"{base}-{self.rng.choice(HANDLE_WORDS)}"[:39].rstrip("-"))

    def unique_id(self, rid: str) -> str:
        candidate, number = rid, 2
        while candidate in self.provider_ids:
            candidate, number = f"{rid}-{number}", number + 1
        self.provider_ids.add(candidate)
        return candidate

    def address(self, place: Place, english: bool) -> dict:
        road = self.rng.choice(
            [
                ("示例路", "Example Road"),
                ("示例街", "Example Street"),
                ("样板路", "Sample Road"),
                ("示例大道", "Example Avenue"),
                ("示例巷", "Example Lane"),
            ]
        )
        number = self.rng.randrange(1, 400)
        if place.county is None:
            return text(f"{place.zh}{road[0]} {number} 号", f"{number} {road[1]}, {place.en}", english)
        county = place.county
        return text(f"{county.zh}{place.zh}{road[0]} {number} 号", f"{number} {road[1]}, {place.en}, {county.en}", english)

    def provider(
        self,
        rid: str,
        kind: str,
        name: tuple[str, str],
        place: Place,
        *,
        parent: str | None = None,
        description: tuple[str, str] | None = None,
        address: dict | None = None,
        group: str = "",
        handle: str | None = None,
    ) -> dict:
        rng = self.rng
        english = self.english()
        rid = self.unique_id(rid)
        record: dict[str, Any] = {
            "id": Plain(rid),
            "sample": True,
            "kind": Plain(kind),
            "name": text(name[0], name[1], english),
            "plaques": [],
            "description": text(description[0], description[1], english) if description and rng.random() < 0.8 else None,
            "parent": Plain(parent) if parent else None,
            "region": Plain(place.id),
            "address": address if address is not None else self.address(place, english),
            "contact": contact(rng, self.phone(), rid),
            "maintainers": [Plain(handle[:39].rstrip("-")) if handle else self.handle(place.id)],
            "age_rule": None,
            "projects": [],
            "terms": [],
            "courses": [],
            "last_verified": last_verified(rng),
        }
        if address is not None and not english:
            record["address"] = {"zh": address["zh"]}
        if rng.random() < 0.1:
            record["maintainers"].append(Plain("example-maintainer"))
        self.providers.append(record)
        self.meta[rid] = {"place": place, "group": group or kind, "english": english}
        return record

    def build_providers(self) -> None:
        rng, n = self.rng, self.n_providers
        vocational = max(1, round(n * 0.03)) if n >= 12 else 0
        elderly = max(1, round(n * 0.05)) if n >= 10 else 0
        with_college = self.counties[: max(0, n - 1)]  # fewer than 8 providers: not every county has one
        rest = n - 1 - len(with_college) - vocational - elderly
        tier3 = min(len(self.towns), rest) if rest >= len(self.towns) + 8 else math.ceil(rest * 0.6)
        tier4 = rest - tier3

        nanhu = self.counties[0]
        city = self.provider(
            "jiaxing-city-university",
            "city-university",
            ("嘉兴城市大学", "Jiaxing City University"),
            nanhu,
            description=(
                "全市社区教育的龙头，统筹四级社区教育网络。",
                "The head of the city's community education, coordinating the four-tier network.",
            ),
            group="city",
            handle="jx-city-univ",
        )
        city["plaques"] = [text("嘉兴老年开放大学", "Jiaxing Open University for Older People", self.meta[city["id"]]["english"])]
        self.add_terms(city, elderly=False)
        colleges = {}
        for county in with_college:
            record = self.provider(
                f"{county.id}-community-college",
                "community-college",
                (f"{county.zh}社区教育学院", f"{county.en} Community Education College"),
                county,
                parent=city["id"],
                description=(
                    f"{county.zh}社区教育的统筹指导机构，负责镇（街道）社区教育业务指导和师资培训。",
                    f"Coordinates community education in {county.en}, guiding town and street schools and training their teachers.",
                ),
                group="college",
                handle=f"{county.id}-cce",
            )
            if rng.random() < 0.5:
                record["plaques"] = [
                    text(f"{county.zh}老年开放大学", f"{county.short} Open University for Older People", self.meta[record["id"]]["english"])
                ]
            colleges[county.id] = record["id"]

        # tier 3: one per town or street, all of them when there are enough providers
        towns = list(self.towns)
        rng.shuffle(towns)
        if tier3 < len(towns):  # few providers: spread the towns over the counties
            seen: dict[str, int] = {}
            rank = {}
            for town in towns:  # the first drawn town of each county, then the second of each…
                rank[town.id] = seen[town.county.id] = seen.get(town.county.id, -1) + 1
            towns.sort(key=lambda t: rank[t.id])
        towns = sorted(towns[:tier3], key=self.towns.index)
        town_school: dict[str, str] = {}
        for town in towns:
            county = town.county
            if town.kind == "town":
                record = self.provider(
                    f"{town.id}-adult-school",
                    "adult-school",
                    (f"{town.zh}成人文化技术学校", f"{town.short} Town Adult School"),
                    town,
                    parent=colleges[county.id],
                    description=(
                        f"面向{town.zh}居民开展职业技能培训、文化教育和老年教育。",
                        f"Skills training, general education and classes for older people in {town.en}.",
                    ),
                    group="tier3",
                    handle=f"{town.id}-learning",
                )
                if rng.random() < 0.3:
                    record["plaques"] = [text(f"{town.zh}社区学校", f"{town.en} Community School", self.meta[record["id"]]["english"])]
            else:
                record = self.provider(
                    f"{town.id}-community-education-centre",
                    "community-education-centre",
                    (f"{county.zh}{town.zh}社区教育中心", f"{town.en} Community Education Centre"),
                    town,
                    parent=colleges[county.id],
                    description=(
                        f"{town.zh}的社区教育中心，面向辖区居民开设公益课程。",
                        f"The community education centre of {town.en}, with free courses for local residents.",
                    ),
                    group="tier3",
                    handle=f"{town.id}-edu",
                )
            if rng.random() < 0.6:
                english = self.meta[record["id"]]["english"]
                picks = rng.sample(PROJECTS, rng.randint(1, 3))
                record["projects"] = [
                    {
                        "id": Plain(pid),
                        "name": text(zh, en, english),
                        "year": rng.randint(2015, 2025),
                        "description": text(dzh, den, english) if rng.random() < 0.7 else None,
                    }
                    for pid, zh, en, dzh, den in picks
                ]
            town_school[town.id] = record["id"]

        # tier 4: community schools (teaching points), unevenly over the towns that have a tier-3 school
        if tier4:
            weights = [rng.lognormvariate(0, 0.6) for _ in towns]
            for town in rng.choices(towns, weights=weights, k=tier4):
                self.tier4(town, town_school[town.id])
            # keep the network's order stable in the files: by town, then as drawn
        self.build_outside_network(vocational, elderly)

    def tier4(self, town: Place, parent: str) -> None:
        rng = self.rng
        zh, en, slug = self.villages.new(town)
        unit_zh, unit_en = ("村", "Village") if town.kind == "town" else ("社区", "Community")
        where = rng.choice(
            [("党群服务中心", "community service centre"), ("村民活动中心", "villagers' centre"), ("文化礼堂", "cultural hall")]
        )
        address = {"zh": f"{town.zh}{zh}{unit_zh}{where[0]}", "en": f"{en} {unit_en} {where[1]}, {town.en}"}
        if rng.random() < 0.65:
            name = (
                f"{zh}{unit_zh}社区学校" if unit_zh == "村" else f"{zh}社区学校",
                f"{en} {unit_en} Community School" if unit_zh == "村" else f"{en} Community School",
            )
            self.provider(
                f"{town.id}-{slug}-community-school",
                "community-school",
                name,
                town,
                parent=parent,
                description=(
                    f"{zh}{unit_zh}的社区学校，就近开设文化、健康和技能课程。",
                    f"The community school of {en} {unit_en}: culture, health and skills classes close to home.",
                ),
                address=address,
                group="tier4",
                handle=f"{town.id}-learning",
            )
        else:
            kinds = [
                ("文化礼堂教学点", "Cultural Hall Teaching Point"),
                ("居家养老服务中心教学点", "Home-care Centre Teaching Point"),
                ("工业园区职工教学点", "Industrial Park Employees' Teaching Point"),
            ]
            if town.kind == "town":
                kinds.append(("农家书屋教学点", "Library Teaching Point"))
            kind_zh, kind_en = rng.choice(kinds)
            unit = unit_zh if "工业园区" not in kind_zh else ""
            unit_name = f" {unit_en}" if unit else ""
            self.provider(
                f"{town.id}-{slug}-teaching-point",
                "teaching-point",
                (f"{zh}{unit}{kind_zh}", f"{en}{unit_name} {kind_en}"),
                town,
                parent=parent,
                address=address,
                group="tier4",
                handle=f"{town.id}-learning",
            )

    def build_outside_network(self, vocational: int, elderly: int) -> None:
        rng = self.rng
        counties, city = self.counties, Place("nanhu", "嘉兴市", "Jiaxing")
        school_types = [
            ("职业技术学校", "Vocational and Technical School", "vocational-school"),
            ("中等专业学校", "Secondary Vocational School", "secondary-vocational-school"),
            ("技工学校", "Technical School", "technical-school"),
            ("卫生学校", "Health School", "health-school"),
            ("商贸学校", "Commerce School", "commerce-school"),
            ("建筑工业学校", "Construction and Industry School", "construction-school"),
            ("艺术学校", "Arts School", "arts-school"),
            ("交通职业学校", "Transport School", "transport-school"),
            ("农业技术学校", "Agricultural School", "agricultural-school"),
            ("旅游学校", "Tourism School", "tourism-school"),
            ("机电职业学校", "Mechanical and Electrical School", "mechatronics-school"),
            ("职业高级中学", "Vocational High School", "vocational-high-school"),
        ]
        options = [(county, t) for county in counties for t in school_types] + [(city, t) for t in school_types]
        rng.shuffle(options)
        for i in range(vocational):
            if i < len(options):
                county, (zh, en, slug) = options[i]
                owner = county if county.county is None else county.county
                region = self.counties[0] if owner is city else owner
                rid = f"jiaxing-{slug}" if owner is city else f"{owner.id}-{slug}"
                self.provider(
                    rid,
                    "vocational-school",
                    (f"{owner.zh}{zh}", f"{owner.short} {en}"),
                    region,
                    description=(
                        "开放实训基地，开展职工技能提升和社区公益培训。",
                        "Opens its training base for workers' skills and free community classes.",
                    ),
                    group="vocational",
                    handle=f"{region.id}-vs",
                )
            else:  # more than the pool: town training schools
                town = rng.choice(self.towns)
                self.provider(
                    f"{town.id}-skills-school",
                    "vocational-school",
                    (f"{town.zh}职业技能培训学校", f"{town.short} Skills Training School"),
                    town,
                    description=("面向企业职工和新居民的职业技能培训。", "Job skills training for employees and new residents."),
                    group="vocational",
                    handle=f"{town.id}-vs",
                )
        universities = [(city, "jiaxing-elderly-university", "嘉兴老年大学", "Jiaxing University for Older People")] + [
            (c, f"{c.id}-elderly-university", f"{c.zh}老年大学", f"{c.en} University for Older People") for c in counties
        ]
        n_universities = min(len(universities), math.ceil(elderly / 2))
        towns = list(self.towns)
        rng.shuffle(towns)
        for i in range(elderly):
            if i < n_universities:
                place, rid, zh, en = universities[i]
                region = self.counties[0] if place is city else place
                record = self.provider(
                    rid,
                    "elderly-university",
                    (zh, en),
                    region,
                    description=(
                        "以“老有所学、老有所乐”为宗旨，开设书画、声乐、健康和数字技能等课程。",
                        "Learning and enjoyment in later life: calligraphy, painting, singing, health and digital skills.",
                    ),
                    group="elderly-university",
                    handle=f"{region.id}-elderly-edu",
                )
            else:
                if towns:
                    town = towns.pop()
                    rid, zh, en = f"{town.id}-elderly-school", f"{town.zh}老年学校", f"{town.en} School for Older People"
                else:
                    town = rng.choice(self.towns)
                    vzh, ven, vslug = self.villages.new(town)
                    unit_zh, unit_en = ("村", "Village") if town.kind == "town" else ("社区", "Community")
                    rid, zh, en = f"{town.id}-{vslug}-elderly-school", f"{vzh}{unit_zh}老年学堂", f"{ven} {unit_en} School for Older People"
                record = self.provider(
                    rid,
                    "elderly-school",
                    (zh, en),
                    town,
                    description=(
                        "与社区教育学院合作，就近开设老年人喜爱的课程。",
                        "Classes older people enjoy, close to home, with the community education college.",
                    ),
                    group="elderly-school",
                    handle=f"{town.id}-laonian",
                )
            english = self.meta[record["id"]]["english"]
            rule: dict[str, object] = {"min_age": rng.choice([50, 55, 55, 60, 60])}
            if rng.random() < 0.3:
                rule["max_age"] = rng.choice([75, 80, 85])
            if rng.random() < 0.6:
                rule["note"] = text(
                    *rng.choice(
                        [
                            (
                                "新生优先；已结业学员可报提高班。",
                                "New learners first; those who have finished a class may join the improvers' class.",
                            ),
                            ("同一学员每学期最多报两个班。", "Each learner may join up to two classes a term."),
                            ("报名时请出示身份证。", "Please show your ID card when you enrol."),
                        ]
                    ),
                    english,
                )
            record["age_rule"] = rule
            self.add_terms(record, elderly=True)

    def add_terms(self, record: dict, elderly: bool) -> None:
        rng = self.rng
        english = self.meta[record["id"]]["english"]
        terms = TERMS if rng.random() < 0.85 else TERMS[:1]
        method = rng.choice(["online", "on-site", "on-site", "phone", "lottery"] if elderly else ["online"])
        for tid, zh, en, start, end in terms:
            closes = start - dt.timedelta(days=rng.randint(5, 20))
            enrolment = {"method": Plain(method), "opens": closes - dt.timedelta(days=rng.randint(6, 30)), "closes": closes}
            if method in ("online", "lottery"):
                enrolment["url"] = f"https://example.org/enrol/{record['id']}"
            if rng.random() < 0.6:
                enrolment["note"] = text(*rng.choice(ENROL_NOTES[method]), english)
            record["terms"].append(
                {"id": Plain(tid), "name": text(zh, en, english), "dates": {"start": start, "end": end}, "enrolment": enrolment}
            )

    # venues ---------------------------------------------------------------------

    def build_venues(self) -> None:
        rng = self.rng
        city = Place("nanhu", "嘉兴市", "Jiaxing")
        nanhu = self.counties[0]
        used: set[str] = set()
        pools: dict[str, list] = {
            kind: [] for kind in ("library", "library-branch", "cultural-centre", "museum", "science-museum", "memorial", "art-gallery")
        }
        pools["library"] = [("jiaxing-library", "嘉兴市图书馆", "Jiaxing Library", nanhu)] + [
            (f"{c.id}-library", f"{c.zh}图书馆", f"{c.short} Library", c) for c in self.counties
        ]
        pools["cultural-centre"] = (
            [("jiaxing-cultural-centre", "嘉兴市文化馆", "Jiaxing Cultural Centre", nanhu)]
            + [(f"{c.id}-cultural-centre", f"{c.zh}文化馆", f"{c.short} Cultural Centre", c) for c in self.counties]
            + [(f"{t.id}-cultural-station", f"{t.zh}文化站", f"{t.en} Cultural Station", t) for t in self.towns]
        )
        pools["library-branch"] = []
        for t in self.towns:
            owner = city if t.county.id in ("nanhu", "xiuzhou") else t.county
            pools["library-branch"].append(
                (f"{t.id}-library-branch", f"{owner.zh}图书馆{t.zh}分馆", f"{owner.short} Library, {t.short} branch", t)
            )
        pools["museum"] = (
            [("jiaxing-museum", "嘉兴博物馆", "Jiaxing Museum", nanhu)]
            + [(f"{c.id}-museum", f"{c.zh}博物馆", f"{c.short} Museum", c) for c in self.counties]
            + [
                (f"{t.id}-{slug}", f"{t.zh}{zh}", f"{t.short} {en}", t)
                for t in self.towns
                for slug, zh, en in (
                    ("folk-museum", "民俗博物馆", "Folk Museum"),
                    ("silk-museum", "丝绸文化馆", "Silk Museum"),
                    ("heritage-hall", "非遗馆", "Intangible Heritage Hall"),
                )
            ]
        )
        pools["science-museum"] = (
            [("jiaxing-science-museum", "嘉兴科技馆", "Jiaxing Science Museum", nanhu)]
            + [(f"{c.id}-science-museum", f"{c.zh}科技馆", f"{c.short} Science Museum", c) for c in self.counties]
            + [(f"{t.id}-science-centre", f"{t.zh}青少年科普馆", f"{t.short} Children's Science Centre", t) for t in self.towns]
        )
        pools["memorial"] = [
            (f"{t.id}-{slug}", f"{t.zh}{zh}", f"{t.short} {en}", t)
            for t in self.towns
            for slug, zh, en in (
                ("history-memorial", "革命历史纪念馆", "Revolutionary History Memorial Hall"),
                ("worthies-hall", "乡贤馆", "Hall of Local Worthies"),
            )
        ]
        pools["art-gallery"] = (
            [("jiaxing-art-museum", "嘉兴美术馆", "Jiaxing Art Museum", nanhu)]
            + [(f"{c.id}-art-gallery", f"{c.zh}美术馆", f"{c.short} Art Museum", c) for c in self.counties]
            + [(f"{t.id}-painting-gallery", f"{t.zh}书画院", f"{t.short} Painting Academy Gallery", t) for t in self.towns]
        )
        for pool in pools.values():
            rng.shuffle(pool)
            pool.sort(key=lambda item: item[3].county is not None)  # county-level venues first
        kinds = list(pools)
        weights = [6, 30, 28, 12, 8, 7, 9]
        for i in range(self.n_venues):
            kind = kinds[i] if i < len(kinds) else rng.choices(kinds, weights=weights)[0]
            if pools[kind]:
                vid, zh, en, place = pools[kind].pop(0)
            elif kind in ("library-branch", "cultural-centre") or not any(pools.values()):
                kind = rng.choice(["library-branch", "cultural-centre"])
                town = rng.choice(self.towns)
                vzh, ven, vslug = self.villages.new(town)
                unit_zh, unit_en = ("村", "Village") if town.kind == "town" else ("社区", "Community")
                if kind == "library-branch":
                    vid, zh, en = (
                        f"{town.id}-{vslug}-reading-room",
                        f"{town.zh}{vzh}{unit_zh}图书流通站",
                        f"{ven} {unit_en} Reading Room, {town.en}",
                    )
                else:
                    vid, zh, en = f"{town.id}-{vslug}-cultural-hall", f"{vzh}{unit_zh}文化礼堂", f"{ven} {unit_en} Cultural Hall"
                place = town
            else:
                kind = rng.choice([k for k in kinds if pools[k]])
                vid, zh, en, place = pools[kind].pop(0)
            while vid in used:
                vid += "-2"
            used.add(vid)
            self.venues.append(self.venue(vid, kind, zh, en, place))

    def venue(self, vid: str, kind: str, zh: str, en: str, place: Place) -> dict:
        rng = self.rng
        english = self.english()
        descriptions = {
            "library": ("公共图书馆，提供借阅、讲座和数字阅读服务。", "A public library: lending, talks and digital reading."),
            "library-branch": (
                "图书馆分馆，通借通还，就近借阅。",
                "A branch library close to home; borrow and return anywhere in the network.",
            ),
            "cultural-centre": ("开展群众文化活动和公益培训的场所。", "A home for community arts and free classes."),
            "museum": ("收藏和展示本地历史文物与民俗。", "Collections and exhibitions of local history and folk life."),
            "science-museum": ("面向青少年和市民的科普场馆，展品可动手体验。", "A hands-on science centre for young people and everyone."),
            "memorial": ("纪念本地历史人物和事件，开展爱国主义教育。", "Remembering local people and events from history."),
            "art-gallery": ("举办书画、摄影和农民画展览。", "Exhibitions of painting, calligraphy, photography and farmer painting."),
        }
        if kind in ("library", "library-branch"):
            hours = rng.choice(
                [
                    [(WEEKDAYS, "08:30", "20:00")],
                    [(WEEKDAYS[1:], "09:00", "20:00")],
                    [(WEEKDAYS[1:5], "09:00", "20:00"), (WEEKDAYS[5:], "09:00", "17:30")],
                ]
            )
        elif kind == "cultural-centre":
            hours = rng.choice(
                [
                    [(WEEKDAYS[:5], "08:30", "17:00"), (WEEKDAYS[5:], "09:00", "16:30")],
                    [(WEEKDAYS, "08:00", "21:00")],
                    [(WEEKDAYS[:5], "13:30", "21:00")],
                ]
            )
        else:
            hours = rng.choice(
                [
                    [(WEEKDAYS[1:], "09:00", "17:00")],
                    [(WEEKDAYS[1:], "09:00", "16:30")],
                    [(WEEKDAYS[1:5], "09:00", "17:00"), (WEEKDAYS[5:], "09:00", "18:00")],
                ]
            )
        days_open = {d for days, _, _ in hours for d in days}
        closed = None
        if "mon" not in days_open:
            closed = text("每周一闭馆（法定节假日除外）", "Closed on Mondays, except public holidays", english)
        elif rng.random() < 0.3:
            closed = text("春节假期闭馆", "Closed over the Spring Festival holiday", english)
        admission: dict[str, object] = {"free": True}
        if kind in ("museum", "memorial", "art-gallery", "science-museum") and rng.random() < 0.25:
            admission = {
                "free": False,
                "note": text(
                    "成人 20 元，老年人、学生和残疾人免费",
                    "Adults 20 yuan; free for older people, students and people with disabilities",
                    english,
                ),
            }
        elif kind == "art-gallery" and rng.random() < 0.4:
            admission["note"] = text("特展另行收费", "Special exhibitions are charged separately", english)
        booking: dict[str, object] = {"required": kind in ("museum", "memorial", "science-museum") and rng.random() < 0.5}
        if booking["required"]:
            booking["url"] = f"https://example.org/venues/{vid}/booking"
            booking["note"] = text("提前一天在线预约，凭身份证入馆。", "Book online the day before and bring your ID card.", english)
        drawn = {
            key: rng.random() < p
            for key, p in (
                ("step_free", 0.85),
                ("lift", 0.5),
                ("accessible_toilet", 0.6),
                ("hearing_loop", 0.15),
                ("braille", 0.25),
                ("wheelchair_loan", 0.35),
            )
        }
        access: dict[str, object] = {key: True for key, value in drawn.items() if value}  # false is the default: leave it out
        if rng.random() < 0.2:
            access["note"] = text("可提前电话预约工作人员协助。", "Phone ahead to arrange help from staff.", english)
        service_texts = {
            "lectures": [("周末公益讲座", "Free weekend lectures"), ("市民讲堂，每周三晚", "Public talks on Wednesday evenings")],
            "reading": [("借阅与阅读推广", "Lending and reading events"), ("亲子绘本阅读", "Picture-book reading for families")],
            "exhibitions": [
                ("常设展与临时展览", "Permanent and temporary exhibitions"),
                ("本地书画作品展", "Local painting and calligraphy shows"),
            ],
            "workshops": [("非遗手作体验", "Intangible heritage craft workshops"), ("周末手工坊", "Weekend craft workshops")],
            "digital-learning": [("电子阅览与数字资源", "E-reading and digital resources"), ("线上展厅", "Online galleries")],
            "guided-tours": [("每日定时讲解", "Guided tours every day"), ("团体预约讲解", "Guided tours for groups by appointment")],
        }
        offered = {
            "library": ["reading", "digital-learning", "lectures", "workshops", "exhibitions"],
            "library-branch": ["reading", "digital-learning", "lectures", "workshops"],
            "cultural-centre": ["workshops", "lectures", "exhibitions", "reading", "digital-learning"],
            "museum": ["exhibitions", "guided-tours", "lectures", "workshops", "digital-learning"],
            "science-museum": ["exhibitions", "workshops", "guided-tours", "digital-learning"],
            "memorial": ["exhibitions", "guided-tours", "lectures", "digital-learning"],
            "art-gallery": ["exhibitions", "guided-tours", "lectures", "workshops"],
        }[kind]
        services = []
        for skind in sorted(rng.sample(offered, rng.randint(1, 4)), key=offered.index):
            services.append({"kind": Plain(skind), "description": text(*rng.choice(service_texts[skind]), english)})
        return {
            "id": Plain(vid),
            "sample": True,
            "kind": Plain(kind),
            "name": text(zh, en, english),
            "description": text(*descriptions[kind], english) if rng.random() < 0.85 else None,
            "region": Plain(place.id),
            "address": self.address(place, english),
            "contact": contact(rng, self.phone(), vid, "venues/"),
            "maintainers": [Plain(rng.choice(["jx-culture-data", "jx-museum-desk", "jx-library-team"]))],
            "opening_hours": [{"days": Flow(days), "opens": opens, "closes": closes} for days, opens, closes in hours],
            "closed": closed,
            "admission": admission,
            "booking": booking,
            "accessibility": access,
            "services": services,
            "last_verified": last_verified(rng),
        }

    # courses --------------------------------------------------------------------

    def allocate(self) -> list[int]:
        """Courses per provider: uneven, capped (small places hold fewer), adding up exactly."""
        rng = self.rng
        base = {
            "city": 3.0,
            "college": 2.2,
            "elderly-university": 3.5,
            "elderly-school": 1.4,
            "tier3": 2.0,
            "vocational": 1.5,
            "tier4": 0.75,
        }
        small = {"teaching-point": 30, "community-school": 40, "elderly-school": 45}
        weights, caps = [], []
        for record in self.providers:
            group = self.meta[record["id"]]["group"]
            zero = group in ("tier4", "elderly-school", "vocational") and rng.random() < 0.08
            weights.append(0.0 if zero else base[group] * rng.lognormvariate(0, 0.6))
            caps.append(small.get(record["kind"], MAX_COURSES))
        total = self.n_courses
        if sum(c for c, w in zip(caps, weights, strict=True) if w) < total:  # more courses than the caps hold
            weights = [w or 0.2 for w in weights]
            factor = total / sum(caps)
            if factor > 1:
                caps = [math.ceil(c * factor) + 1 for c in caps]
        counts = [0] * len(weights)
        for index in rng.choices(range(len(weights)), weights=weights, k=total):
            counts[index] += 1
        overflow = sum(max(0, n - c) for n, c in zip(counts, caps, strict=True))
        counts = [min(n, c) for n, c in zip(counts, caps, strict=True)]
        room = [i for i, n in enumerate(counts) if n < caps[i] and weights[i]]
        while overflow:
            i = rng.choice(room)
            if counts[i] < caps[i]:
                counts[i] += 1
                overflow -= 1
            else:
                room.remove(i)
        return counts

    def title_table(self, group: str, place: Place) -> tuple[list, list]:
        """Titles a provider offers and their weights, by its kind and place."""
        key = (group, place.id)
        cached = self.tables.get(key)
        if cached:
            return cached
        county = place if place.county is None else place.county
        rural = place.kind == "town"
        titles = TITLES + LOCAL_TITLES.get(county.id, [])
        weights = []
        for title in titles:
            _, _, _, category, audience, style, _, _ = title
            w = 1.0
            if group == "vocational":
                w = 6.0 if style == "T" or category in ("vocational-skills", "digital-skills") else 0.3
            elif group.startswith("elderly"):
                w = 4.0 if "O" in audience else 0.6
                w *= 0.05 if style == "T" else 1.0
            elif group == "tier4":
                w = 1.5 if style == "L" else 1.0
                w *= 0.3 if style == "T" else 1.0
            if category == "agriculture":
                w *= 2.0 if rural and group in ("tier3", "tier4") else 0.3
            if title in LOCAL_TITLES.get(county.id, []):
                w *= 4.0
            weights.append(w)
        self.tables[key] = (titles, weights)
        return titles, weights

    def build_courses(self) -> None:
        self.tables: dict = {}
        venues_by_region: dict[str, list[str]] = {}
        for venue in self.venues:
            venues_by_region.setdefault(venue["region"], []).append(venue["id"])
        self.venues_by_region = venues_by_region
        for record, count in zip(self.providers, self.allocate(), strict=True):
            used: set[str] = set()
            for _ in range(count):
                record["courses"].append(self.course(record, used))

    def course(self, record: dict, used: set[str]) -> dict:
        rng = self.rng
        meta = self.meta[record["id"]]
        group, place = meta["group"], meta["place"]
        titles, weights = self.title_table(group, place)
        for _ in range(30):
            title = rng.choices(titles, weights=weights)[0]
            slug, zh, en, category, audience, style, dzh, den = title
            variants = TALK_VARIANTS if style == "L" else VARIANTS
            vzh, ven, vslug, _, effect = rng.choices(variants, weights=[v[3] for v in variants])[0]
            if effect == "family" and category in ("vocational-skills", "finance", "civic", "agriculture"):
                continue
            if zh.endswith(vzh) and vzh:  # 嘉兴话入门入门
                continue
            cid = slug + vslug
            if cid not in used:
                break
        else:
            number, base = 2, cid
            while f"{base}-class-{number}" in used:
                number += 1
            cid, vzh, ven = f"{base}-class-{number}", vzh + f"（{number}班）", ven + f" (class {number})"
        used.add(cid)
        english = rng.random() >= NO_ENGLISH
        elderly = group.startswith("elderly")

        # who, how
        codes = list(audience)
        if elderly:
            who = ["older-people"] + (["everyone"] if rng.random() < 0.05 else [])
        else:
            who = [AUDIENCE[rng.choice(codes) if rng.random() < 0.4 else codes[0]]]
            if len(codes) > 1 and rng.random() < 0.35:
                extra = AUDIENCE[rng.choice(codes)]
                if extra not in who:
                    who.append(extra)
            if rng.random() < 0.04:
                extra = rng.choice(list(AUDIENCE.values()))
                if extra not in who:
                    who.append(extra)
        if effect == "family" and "families" not in who:
            who.append("families")
        mode = "online" if effect == "online" else rng.choices(["in-person", "blended", "online"], weights=[78, 12, 10])[0]

        # when
        if effect == "weekend":
            days = rng.choice([["sat"], ["sun"], ["sat", "sun"]])
        elif rng.random() < 0.72:
            days = [rng.choices(WEEKDAYS, weights=[10, 10, 10, 10, 9, 8, 6])[0]]
        else:
            days = list(rng.choice(DAY_PAIRS))
        if effect == "evening":
            slot = "evening"
        elif elderly:
            slot = rng.choices(["morning", "afternoon", "evening"], weights=[65, 33, 2])[0]
        elif "W" in audience and style == "T":
            slot = rng.choices(["morning", "afternoon", "evening"], weights=[15, 15, 70])[0]
        else:
            slot = rng.choices(["morning", "afternoon", "evening"], weights=[38, 32, 30])[0]
        start = rng.choice(SLOTS[slot])
        minutes = rng.choice(DURATIONS) if style != "L" else rng.choice([60, 90, 90, 120])
        end = clock_add(start, minutes)
        schedule: dict = {"days": Flow(days), "start": start, "end": end}
        term = None
        if record["terms"] and (elderly or rng.random() < 0.5):
            term = rng.choice(record["terms"])
            weeks = (term["dates"]["end"] - term["dates"]["start"]).days // 7 - rng.randint(1, 4)
            sessions = min(weeks, rng.choice([12, 15, 16, 16, 18])) * len(days)
            if rng.random() < 0.35:
                schedule["sessions"] = sessions
            enrolment = dict(term["enrolment"])
            enrolment.pop("note", None)
        else:
            sessions = {"L": rng.randint(1, 6), "C": rng.randint(6, 16), "T": rng.randint(10, 30)}[style]
            weeks = math.ceil(sessions / len(days))
            first = FIRST_START + dt.timedelta(days=rng.randrange((LAST_START - FIRST_START).days))
            first += dt.timedelta(days=(WEEKDAYS.index(days[0]) - first.weekday()) % 7)
            last = first + dt.timedelta(days=7 * (weeks - 1) + (WEEKDAYS.index(days[-1]) - WEEKDAYS.index(days[0])))
            schedule["dates"] = {"start": first, "end": last}
            if rng.random() < 0.6:
                schedule["sessions"] = sessions
            method = rng.choices(["online", "on-site", "phone", "lottery"], weights=[40, 30, 25, 5])[0]
            closes = first - dt.timedelta(days=rng.randint(1, 10))
            enrolment = {"method": Plain(method), "opens": closes - dt.timedelta(days=rng.randint(7, 35)), "closes": closes}
            if method in ("online", "lottery"):
                enrolment["url"] = f"https://example.org/enrol/{record['id']}"
            if rng.random() < 0.35:
                enrolment["note"] = text(*rng.choice(ENROL_NOTES[method]), english)
        hours = sessions * minutes / 60

        # fee, capacity, place
        fee: dict = {"amount": 0}
        if group == "elderly-university" and rng.random() < 0.45:
            fee = {
                "amount": rng.choice([100, 120, 150, 180, 200, 240, 300]),
                "note": text("每学期学费，教材另计", "tuition per term; books extra", english),
            }
        elif style == "T" and group in ("vocational", "city") and rng.random() < 0.35:
            fee = {
                "amount": rng.choice([400, 600, 800, 1200, 1800, 2400]),
                "note": text("可按规定申请职业技能培训补贴", "a skills-training subsidy may be claimed", english),
            }
        elif rng.random() < 0.06:
            fee = {"amount": rng.choice([20, 30, 50, 80, 100, 150]), "note": text("材料费", "materials", english)}
        capacity = rng.choice([40, 50, 60, 80, 100]) if style == "L" else rng.choice([15, 20, 20, 25, 25, 30, 35, 40])
        place_text = None
        if mode == "online":
            place_text = rng.choice(ONLINE_PLACES)
        elif rng.random() < 0.9:
            rooms = VILLAGE_ROOMS if group == "tier4" else ROOMS[category]
            room = rng.choice(rooms)
            place_text = (room[0] + "（部分课次线上）", room[1] + " (some sessions online)") if mode == "blended" else room
        venue = None
        if mode != "online" and rng.random() < 0.06:
            nearby = self.venues_by_region.get(place.id) or self.venues_by_region.get((place.county or place).id)
            if nearby:
                venue = Plain(rng.choice(nearby))

        description = None
        if rng.random() < 0.5:
            more = rng.choice(DESCRIPTION_EXTRAS) if rng.random() < 0.35 else ("", "")
            description = text(dzh + more[0], den + (" " + more[1] if more[1] else ""), english)
        return {
            "id": Plain(cid),
            "title": text(zh + vzh, en + ven, english),
            "description": description,
            "category": Plain(category),
            "audience": Flow(who),
            "mode": Plain(mode),
            "term": term["id"] if term else None,
            "schedule": schedule,
            "hours": float(hours),
            "fee": fee,
            "capacity": capacity,
            "place": text(*place_text, english) if place_text else None,
            "venue": venue,
            "enrolment": enrolment,
        }

    # recognitions ----------------------------------------------------------------

    def recognitions(self) -> list[dict]:
        rng = self.rng
        issuers = {
            "national": ("教育部职业教育与成人教育司", "Department of Vocational and Adult Education, Ministry of Education"),
            "provincial": ("浙江省教育厅", "Zhejiang Provincial Department of Education"),
            "municipal": ("嘉兴市教育局", "Jiaxing Municipal Education Bureau"),
        }
        records = []

        def add(rid: str, kind: str, level: str, region: str | None = None, provider: str | None = None) -> None:
            records.append(
                {
                    "id": Plain(rid),
                    "kind": Plain(kind),
                    "level": Plain(level),
                    "year": rng.randint(2012, 2025),
                    "region": Plain(region) if region else None,
                    "provider": Plain(provider) if provider else None,
                    "issuer": text(*issuers[level]),
                    "sample": True,
                }
            )

        for county in self.counties:
            if rng.random() < 0.5:
                kind = rng.choice(["demonstration-zone", "experimental-zone"])
                add(f"{county.id}-{kind}", kind, rng.choice(["national", "provincial"]), region=county.id)
            if rng.random() < 0.2:
                add(f"{county.id}-demonstration-learning-city", "demonstration-learning-city", "provincial", region=county.id)
        for town in self.towns:
            if rng.random() < 0.2:
                add(f"{town.id}-demonstration-town", "demonstration-town", rng.choice(["provincial", "municipal"]), region=town.id)
        for record in self.providers:
            kind = record["kind"]
            if kind == "adult-school" and rng.random() < 0.3:
                add(f"{record['id']}-standardised", "standardised-adult-school", "provincial", provider=record["id"])
                if rng.random() < 0.4:
                    add(f"{record['id']}-modern", "modern-adult-school", "provincial", provider=record["id"])
            elif kind == "community-school" and rng.random() < 0.06:
                add(
                    f"{record['id']}-standardised",
                    "standardised-community-school",
                    rng.choice(["provincial", "municipal"]),
                    provider=record["id"],
                )
        return records

    # all -----------------------------------------------------------------------

    def write(self, out: Path) -> dict[str, int]:
        self.build_providers()
        self.build_venues()
        self.build_courses()
        recognitions = self.recognitions()
        for folder in ("providers", "venues"):
            (out / folder).mkdir(parents=True, exist_ok=True)
            for old in (out / folder).glob("*.yml"):
                old.unlink()
        for name in COPIED:
            shutil.copyfile(SOURCE / name, out / name)
        for record in self.providers:
            (out / "providers" / f"{record['id']}.yml").write_text(dump(record, PROVIDER_SCHEMA), encoding="utf-8")
        for record in self.venues:
            (out / "venues" / f"{record['id']}.yml").write_text(dump(record, VENUE_SCHEMA), encoding="utf-8")
        (out / "recognitions.yml").write_text(dump({"recognitions": recognitions}, RECOGNITIONS_SCHEMA), encoding="utf-8")
        kinds: dict[str, int] = {}
        for record in self.providers:
            kinds[record["kind"]] = kinds.get(record["kind"], 0) + 1
        return {
            "providers": len(self.providers),
            "courses": sum(len(r["courses"]) for r in self.providers),
            "venues": len(self.venues),
            "recognitions": len(recognitions),
            **kinds,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="catalogue folder to write")
    parser.add_argument(
        "--providers",
        type=int,
        default=1400,
        help="number of providers (default 1400; the first 8 are the city university and the community colleges)",
    )
    parser.add_argument("--venues", type=int, default=400, help="number of venues (default 400)")
    parser.add_argument("--courses", type=int, default=20000, help="number of courses (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.providers < 1:
        parser.error("--providers must be at least 1 (the city university)")
    if args.venues < 0 or args.courses < 0:
        parser.error("--venues and --courses cannot be negative")
    if args.out.resolve() == SOURCE.resolve():
        parser.error("refusing to overwrite the repository's catalogue")
    began = time.perf_counter()
    counts = Synth(args.providers, args.venues, args.courses, args.seed).write(args.out)
    kinds = ", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("providers", "courses", "venues", "recognitions"))
    print(
        f"synth: {args.out}: {counts['providers']} providers ({kinds}), {counts['courses']} courses, "
        f"{counts['venues']} venues, {counts['recognitions']} recognitions; seed {args.seed}, "
        f"{time.perf_counter() - began:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
