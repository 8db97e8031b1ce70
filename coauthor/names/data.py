"""Small tables the name resolver needs: common English given-name
nicknames, and romanised East Asian family names (whose given names carry
too little information for initials or prefixes to identify anyone).

>>> sorted(NICKNAMES["william"])[:3]
['bill', 'billy', 'liam']
>>> "wang" in EAST_ASIAN_FAMILIES, "smith" in EAST_ASIAN_FAMILIES
(True, False)
"""

from __future__ import annotations

# canonical: nicknames (lower-case, ASCII). A nickname may serve several
# canonical names (alex: alexander and alexandra), which stay apart.
_NICKNAME_LINES = """
abraham: abe
alexander: alex al sasha sandy xander
alexandra: alex sasha sandy lexi
albert: al bert bertie
alfred: al alf alfie fred
andrew: andy drew
anthony: tony
antonio: tony toni
arthur: art
barbara: barb barbie
benjamin: ben benny benji
bernard: bernie
calvin: cal
catherine: cathy cate kate katie
katherine: kathy kate katie kat
kathleen: kathy kate
kathryn: kathy kate
charles: charlie chuck chas
christopher: chris kit topher
christine: chris chrissy tina
christina: chris tina
cynthia: cindy
daniel: dan danny
david: dave davy
deborah: deb debbie
donald: don donnie
dorothy: dot dottie
douglas: doug
edward: ed eddie ted ned
edwin: ed
elizabeth: liz beth betty lisa eliza libby
eleanor: ellie nora
emily: em emmy
frances: fran frankie
francis: frank fran
frederick: fred freddie
franklin: frank
gabriel: gabe
gerald: gerry jerry
gregory: greg
harold: harry hal
henry: hank harry
herbert: herb bert
jacob: jake
james: jim jimmy jamie
jeffrey: jeff
jennifer: jen jenny
jerome: jerry
jessica: jess jessie
john: johnny
jonathan: jon jonny
joseph: joe joey
joshua: josh
judith: judy
kenneth: ken kenny
lawrence: larry
leonard: leo len lenny
margaret: maggie meg peggy marge
matthew: matt matty
michael: mike mick mikey
nathaniel: nate nat
nathan: nate
nicholas: nick nicky
norman: norm
patricia: pat patty trish
patrick: pat paddy
peter: pete
philip: phil
phillip: phil
raymond: ray
richard: rich rick dick ricky
robert: rob bob bobby robbie bert
ronald: ron ronnie
samuel: sam sammy
samantha: sam sammy
stephen: steve stevie
steven: steve stevie
susan: sue susie
terence: terry
theodore: ted teddy theo
thomas: tom tommy
tomas: tom
timothy: tim timmy
victoria: vicky tori
vincent: vince vinny
walter: walt wally
william: bill billy will willy liam
zachary: zach zack
"""

NICKNAMES: dict[str, frozenset[str]] = {
    canonical.strip(): frozenset(nicks.split())
    for canonical, _, nicks in (line.partition(":") for line in _NICKNAME_LINES.strip().splitlines())
}

#: Given names known to be Western (a Western first name with an East
#: Asian family name, ``Andrew Hwang``, is compared as a Western name).
WESTERN_GIVEN: frozenset[str] = frozenset(NICKNAMES) | frozenset().union(*NICKNAMES.values())

#: nickname -> the canonical names it may stand for.
CANONICAL: dict[str, frozenset[str]] = {}
for _canonical, _nicks in NICKNAMES.items():
    for _nick in _nicks:
        CANONICAL[_nick] = CANONICAL.get(_nick, frozenset()) | {_canonical}

# Common Chinese (pinyin, Wade-Giles, Cantonese), Korean and Vietnamese
# family names, ASCII-folded and lower-case.
EAST_ASIAN_FAMILIES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren
    shen yao jin lyu lv qiu fu qin shi jia xia gu fang bai zou meng xiong qian dai hou yin long duan hao
    kong shao wan lei qi mao chang tan yan niu mo ling ji ou bi kang xing an nie wen zhuang zhan ni miao
    geng chai hong gong ning pang jian zhong rao ran mu xue ruan yi ge tong zhai bian bao fan wong chan cheung
    leung lau ng lam tsang yeung chow kwok chung chiu tse tsui yip mak poon kwan siu choi cheng hui hsu
    chiang chien chou hsieh kuo tsai liao tseng lai kim lee park jung jeong kang cho yoon yun jang lim oh
    seo shin kwon hwang ahn yoo ryu jeon ko moon son bae baek heo nam noh roh ha kwak sung cha joo woo
    min byun chae pyo nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly dinh trinh doan
    truong quach thai
    """.split()
)
