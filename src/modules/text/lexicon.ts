// Chorus's own sentiment lexicon: polar words, negators, degree adverbs, contrast markers,
// emoji, Weibo-style [bracket] emoji and 颜文字. Written for social-media replies about
// brands, products and services. Weights are rough strengths (1 = ordinary).
// Entries whose kind is 'none' exist only so that longest-match reads them as one unit
// (不仅 is not a negation, 不错 is praise, 没想到 is neutral).

export type LexKind = 'pos' | 'neg' | 'event' | 'negator' | 'degree' | 'contrast' | 'concession' | 'none';

export interface LexEntry {
  kind: LexKind;
  /** polarity strength for pos/neg, multiplier for degree and negator (softened negations < 1) */
  weight: number;
}

const POS_STRONG = `完美 惊艳 惊喜 超值 物超所值 性价比高 绝绝子 yyds 爱了 太爱 宝藏 神仙 满分 五星 无敌 一流 超赞 点赞 必买 回购 无限回购 强烈推荐 良心 给力 喜出望外 赞不绝口 好评 好好吃 好好用 非常好 很棒 真棒 棒棒 棒极了 完胜 秒杀`;
const POS = `好 好的 好吃 好用 好看 好喝 好听 好闻 好评 不错 满意 喜欢 推荐 值得 值 赞 棒 优秀 漂亮 舒服 舒适 方便 快 很快 迅速 新鲜 划算 实惠 便宜 优惠 感谢 谢谢 多谢 感恩 开心 高兴 贴心 耐心 热情 周到 专业 靠谱 清晰 流畅 精致 香 美味 可口 正品 放心 干净 整洁 安静 温馨 细心 准时 及时 高效 稳定 结实 耐用 柔软 保湿 顺滑 清爽 种草 好看 美 帅 可爱 治愈 厚道 有用 实用 入味 地道 正宗 量大 分量足 足量 划得来 清楚 轻薄 省心 出色 完好 强 牛 支持 感动 温暖 幸福 舒心 顺利 成功 喜爱 期待 nice 爱 合适 合身 显瘦 时尚 大气 高级 质感 细腻 好评如潮 物美价廉 服务好 态度好 速度快 质量好 效果好 水润 不油腻 清淡 酥脆 嫩 鲜 甜 解决了 很快解决 到位 用心 认真 友好 礼貌 nice 赞赞 666 真香 上头 安利 值回票价 没毛病 挺好 蛮好 还行 还可以 可以 ok 稳 优质 满足 愉快 享受 精美 独特 有效 见效 管用 灵敏 轻便 省电 续航久 性价比 高性价比 不亏 好闻 宽敞 明亮 便利 友善 负责 尽职 赞一个 一级棒 超好 超好吃 特别好 绝了 可靠 放心购买 值得购买 值得信赖 信赖 及时回复 回复快 发货快 物流快 包装好 包装精美`;
// Food, delivery and visit praise that carries no generic evaluative word (皮薄馅大, 还冒着热气).
const POS_FOOD = `筋道 劲道 有嚼劲 q弹 皮薄 馅大 馅足 料足 皮薄馅大 粒粒分明 热乎 热乎乎 热腾腾 热气腾腾 冒着热气 还是热的 还热着 暖胃 香喷喷 喷香 鲜美 鲜嫩 嫩滑 软糯
外酥里嫩 爽口 下饭 够味 过瘾 解馋 吃撑 吃饱了 饱饱的 分量大 分量很足 份量足 量足 料多 满满 大块 厚实 提前送到 提前到 早到 送得快 神速 辛苦了 热心
一如既往 味道没变 还是那个味 老味道 回头客 还会再来 还会再点 会再来 下次还点 下次还来 每次都点 必点 首选 招牌 强推 大方 干净卫生 卫生 安心 暖心
合口味 对胃口 很香 好香 甜而不腻 不腻 不油 刚刚好 适中 恰到好处`;
const NEG_STRONG = `垃圾 骗子 骗人 假货 恶心 差劲 糟糕 极差 太差 超差 巨差 最差 垃圾货 坑人 黑心 离谱 失望透顶 后悔 气死 吐了 辣鸡 智商税 崩溃 欺骗 诈骗 无良 奸商 霸王条款 再也不 再也不会 拉黑 避雷 翻车 踩雷 一塌糊涂 不尽如人意 愤怒 投诉 差评 恶劣 脏乱差 难以下咽 食物中毒 拉肚子 发霉 变质 过期 有虫 异物 跑路 退钱 维权 曝光 315`;
const NEG = `差 失望 难吃 难用 难看 难闻 难喝 难受 慢 太慢 很慢 贵 太贵 坑 骗 破 烂 脏 臭 坏 坏了 退货 退款 不满 不满意 不爽 不值 不值得 不新鲜 不行 不好用 不好吃 不靠谱 不负责 不专业 不耐烦 一般 凉 凉了 冷了 少 太少 咸 太咸 淡 油腻 硬 生气 无语 郁闷 麻烦 问题 故障 卡 卡顿 死机 发热 发烫 漏 漏水 掉色 起球 褪色 过敏 敷衍 推诿 忽悠 超时 迟到 送错 漏送 洒了 撒了 少送 没送 失败 错误 粗糙 廉价 吵 噪音 异味 潮湿 破旧 霉味 缩水 浪费 烦 傻 坑爹 上当 受骗 被骗 质量差 态度差 服务差 效果差 毛病 瑕疵 破损 损坏 划痕 掉漆 不好 不如 还不如 不推荐 不建议 别买 千万别 抱歉 遗憾 可惜 心疼 头疼 担心 焦虑 着急 急死 等半天 等了半天 半天 没人理 没人管 不理 不回复 不回 没回复 已读不回 石沉大海 扯皮 甩锅 态度恶劣 冷漠 傲慢 粗鲁 骂人 乱收费 多收 扣费 扣钱 收费 涨价 缺斤少两 虚假 夸大 假的 山寨 盗版 二手 翻新 难搞 难等 不方便 不舒服 不合适 偏小 偏大 不合身 起皮 脱线 开线 异响 闪退 黑屏 断网 没信号 耗电 掉电 续航差 不耐用 易碎 有色差 色差 变形 分量少 量少 吃不饱 太油 太辣 太甜 辣死 苦 酸了 馊 生的 没熟 夹生 不熟 腥 膻 咸死 齁 不新鲜 坏掉 烂掉 压坏 漏发 错发 发错 少发 迟迟 一直没 还没到 还没发 催 催了 无法 不能用 用不了 打不开 登不上 连不上 充不进 不给 不退 拒绝退款 不处理 不解决 没解决 解决不了 再也 惨 悲剧 呵呵 服了 醉了 心累 无奈 委屈 难过 伤心 哭了 吐槽 槽点 劝退 割韭菜 智障 弱智 有病 滚`;
// Complaint events: what went wrong with an order, a delivery or a visit, often worded
// without any evaluative word (等了一个小时才送到, 汤洒了, 少了一份). Scored as negative words
// and counted separately (a dense feature of the polarity model). Written for Chorus.
const EVENTS = `等了 等了好久 等太久 等好久 太久 好久才 很久才 半天才 才送到 才送来 才到 才来 才送 送晚了 晚到 晚了 来晚了 迟了 迟到了
送错 送错了 拿错 配错 漏了 洒 洒了 撒了 溢出来 漏出来 凉透 不热 温的 坨了 糊了 焦了 软了 化了 压扁 扁了 少了 少给 少放 忘了放 没给 没收到 没送到
不接电话 不接 打不通 占线 没人接 联系不上 不送 取消了 退单 催单 催了好几次 饿死 饿过头 半生 发硬 硬了 蔫 头发 虫子 苍蝇 钢丝 塑料 指甲
怪味 变味 隔夜 腥 很柴 太柴 发柴 肥肉 全是骨头 没什么肉 全是土豆 全是辣椒 少得可怜 越来越少 越来越差 差远了 不如以前 不像以前 不敢再 不会再 下次不 不点了 最后一次
太咸 太淡 太油 太辣 太甜 太硬 太干 齁 不怎么样 不咋地 不咋样 不太行 没味道 没啥味道 没什么味道 寡淡 也就那样 吃不惯 踩坑 肚子疼 胃疼 吃不下 扔了 白瞎 不值这个价 没动静 没出餐 一直在路上
白跑 还在仓库 没人接 又让我 又送错 又少 又是这样 第二次买到 第三次 摔成 空盒子 写错 拉黑 踢皮球 不通知 没通知 绕路 乱扣 多扣 扣了两次 降价了 不给退 不给换 不承认`;
// Internet slang, with both readings where a word has two: the longer unit wins in the trie,
// so 终于拔草 (finally bought it) is praise and 拔草了 (gone off it) is not; 气得上头 is anger,
// 越吃越上头 is delight. Words whose reading depends only on context (蚌埠住了, 破防了, 好家伙,
// 绝了) are left neutral here (kind 'none') or to the model, which sees the rest of the message.
const SLANG_POS = `冲鸭 冲冲冲 泰裤辣 太酷啦 拿捏 拿捏了 awsl 爷青回 狠狠爱了 狠狠种草 种草了 被种草 笑不活了 笑死我了 真香 越吃越上头 越喝越上头 越用越上头 一口上头 终于拔草 拔草成功 已拔草 成功拔草 顶得住 谁能不爱 离不开了 离不开 遥遥领先 绝绝子 宝藏 闭眼入 闭眼冲 可以冲 放心冲 夯爆了 封神 天花板 yyds 狠狠心动 心动 慕了 磕到了 嗑到了 甜度超标 好绝 太绝了 破防了看哭 看哭了 感动哭`;
const SLANG_NEG = `无语子 栓q 栓q了 芭比q 芭比q了 下头 麻了 大冤种 冤种 摆烂 整破防了 破大防 避雷 踩雷 踩坑 智商税 气得上头 气上头 上头了气 直接拔草 拔草了 被劝退 劝退 我真的会谢 真的会谢 会谢 服了 裂开 emo了 血亏 亏麻了 离大谱 一言难尽 不忍直视 寄了 凉凉 一生黑 退退退 呵呵哒 呵呵 无了 绷不住了 蚌埠住了又 白跑 白跑一趟 踢皮球 蜗牛都比 已读不回`;
const SLANG_NONE = `蚌埠住了 绷不住 破防 破防了 好家伙 绝了 上头 拔草 6 666 笑死`;
const NEGATORS: Array<[string, number]> = [
  ['不', 1], ['没', 1], ['没有', 1], ['无', 1], ['非', 1], ['别', 1], ['未', 1], ['莫', 1],
  ['并不', 1.1], ['并没有', 1.1], ['并非', 1.1], ['不是', 1], ['毫不', 1.2], ['绝不', 1.3], ['从不', 1.2],
  ['从没', 1.2], ['从未', 1.2], ['一点都不', 1.4], ['一点也不', 1.4], ['一点儿都不', 1.4], ['一点儿也不', 1.4],
  ['根本不', 1.4], ['根本没', 1.4], ['根本没有', 1.4], ['完全不', 1.4], ['完全没有', 1.4], ['绝对不', 1.4],
  ['丝毫不', 1.3], ['丝毫没有', 1.3], ['不太', 0.6], ['不怎么', 0.6], ['不够', 0.8], ['不算', 0.6],
  ['谈不上', 0.7], ['算不上', 0.7], ['不大', 0.6], ['没那么', 0.6], ['不会', 1], ['不能', 1], ['别再', 1],
];
const DEGREES: Array<[string, number]> = [
  ['很', 1.3], ['非常', 1.6], ['太', 1.6], ['特别', 1.5], ['超', 1.5], ['超级', 1.7], ['十分', 1.5],
  ['极其', 1.8], ['极', 1.7], ['真', 1.3], ['真的', 1.3], ['挺', 1.1], ['蛮', 1.1], ['相当', 1.4],
  ['比较', 0.9], ['有点', 0.7], ['有点儿', 0.7], ['有些', 0.7], ['稍微', 0.6], ['稍', 0.6], ['略', 0.6],
  ['略微', 0.6], ['最', 1.8], ['巨', 1.7], ['贼', 1.6], ['更', 1.2], ['越来越', 1.3], ['实在', 1.4],
  ['简直', 1.6], ['太过', 1.5], ['好不', 1.5], ['特', 1.4], ['相当地', 1.4], ['格外', 1.4], ['尤其', 1.3],
  ['完全', 1.3], ['绝对', 1.5], ['确实', 1.2], ['真心', 1.4], ['居然', 1.2], ['竟然', 1.2],
];
const CONTRASTS = `但 但是 可是 不过 然而 却 可惜的是`;
// Contrast only at the start of a clause ("…不错，就是物流太慢"), weight 2 marks them.
const CLAUSE_CONTRASTS = `就是 只是 唯一不足`;
const CONCESSIONS = `虽然 虽 尽管 虽说 即使`;
// Compounds that contain a negator character but are not negations.
const NEUTRAL_UNITS = `不仅 不但 不少 不久 不停 不断 不管 不论 不得不 不知道 不知 不用谢 不客气 无论 没想到 没事 没关系 非常 别人 别的 无线 非得 不一定 未来 不然 不止 不禁 没多久 差不多 不同 不然的话 好不好 好不容易 行不行 能不能 可不可以 是不是 有没有 会不会 要不要 用不用 没得说 无可挑剔 无敌 无限 不愧 不可思议 不由得 一般般 快递 快点 快要 赶快 尽快 好几 好多 好像 好久 只好 最近 最后 最新 最早 不好意思 好的吧 美团 美元 美国 无人 值班 问题不大 香港 强制 牛奶 便宜点 爱心 好友 好奇`;
// Compounds that read as praise although their parts look negative.
const POS_UNITS = `没得说 无可挑剔 不愧 不错 挺不错 很不错 不亏 没毛病 没问题 不踩雷 不后悔 不失望 无限回购 不辜负 超出预期 好评`;

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** Emoji → polarity (+1 / −1). Any other pictographic emoji counts as neutral emoji. */
export const EMOJI_POLARITY: ReadonlyMap<string, number> = new Map<string, number>([
  ...Array.from('😀😁😂🤣😃😄😅😆😊😋😍🥰😘😗😙😚🤗🤩👍👏🙌💪🎉🎊💯✨🌟⭐❤💕💖💗💓💞💝🥳😎🙏🌹💐👌🆗✌😻😸').filter((c) => c.trim()).map((c) => [c, 1] as [string, number]),
  ...Array.from('😡😠🤬😤👎💔😭😢😞😔😟😕🙁☹😣😖😫😩🥺😰😱😨😓😒🙄🤮🤢💩😑😐😶🤡🖕😾😿').filter((c) => c.trim()).map((c) => [c, -1] as [string, number]),
]);

/** Weibo / WeChat style bracket emoji. */
export const BRACKET_EMOJI: ReadonlyMap<string, number> = new Map<string, number>([
  ...words('赞 good 哈哈 嘻嘻 爱你 心 鼓掌 给力 威武 酷 太开心 偷笑 可爱 亲亲 憧憬 好喜欢 耶 ok 微笑 笑cry 礼物 蛋糕 玫瑰 花 握手 抱抱 赞啊 666 强 色 愉快 机智').map((w) => [w, 1] as [string, number]),
  ...words('怒 泪 抓狂 衰 鄙视 伤心 失望 生病 吐 哼 怒骂 弱 晕 委屈 悲伤 拜拜 可怜 哭 大哭 流泪 心碎 白眼 汗 黑线 囧 裂开 捂脸 叹气 无语 生气 呕吐 发怒 难过 尴尬').map((w) => [w, -1] as [string, number]),
]);

/** 颜文字 (kaomoji) patterns and their polarity. */
export const KAOMOJI: ReadonlyArray<[RegExp, number]> = [
  [/[(（]\s*[\^＾][_▽ω▿ ]?[\^＾]\s*[)）]|[\^＾]_[\^＾]|[(（]\*[\^＾]▽[\^＾]\*[)）]|o[(（]\*?[\^＾]▽[\^＾]\*?[)）]o|[(（]≧∇≦[)）]|ヾ[(（]≧▽≦\*[)）]o|[(（][\^＾]o[\^＾][)）]|[(（]๑•̀ㅂ•́[)）]و✧|:-?\)|[(（]\s*´▽`\s*[)）]/g, 1],
  [/[tT]_[tT]|QAQ|qaq|T\^T|ＴＡＴ|TAT|╥﹏╥|┭┮﹏┭┮|[(（]╯‵□′[)）]╯︵┻━┻|[(（]╬￣皿￣[)）]|[(（]ノ｀Д´[)）]ノ|orz|OTZ|:-?\(|>_<|[(（]´[;；]ω[;；]`[)）]|_[(（]:з」∠[)）]_|😿/g, -1],
];

export function buildLexicon(): Map<string, LexEntry> {
  const lex = new Map<string, LexEntry>();
  const put = (w: string, kind: LexKind, weight: number) => lex.set(w.toLowerCase(), { kind, weight });
  for (const w of words(NEUTRAL_UNITS)) put(w, 'none', 0);
  for (const w of words(NEG)) put(w, 'neg', 1);
  for (const w of words(NEG_STRONG)) put(w, 'neg', 1.8);
  for (const w of words(EVENTS)) put(w, 'event', 1);
  for (const w of words(POS)) put(w, 'pos', 1);
  for (const w of words(POS_FOOD)) put(w, 'pos', 1);
  for (const w of words(POS_STRONG)) put(w, 'pos', 1.8);
  for (const w of words(POS_UNITS)) put(w, 'pos', 1.2);
  for (const w of words(SLANG_NONE)) put(w, 'none', 0);
  for (const w of words(SLANG_POS)) put(w, 'pos', 1.4);
  for (const w of words(SLANG_NEG)) put(w, 'neg', 1.4);
  for (const [w, m] of NEGATORS) put(w, 'negator', m);
  for (const [w, m] of DEGREES) put(w, 'degree', m);
  for (const w of words(CONTRASTS)) put(w, 'contrast', 1);
  for (const w of words(CLAUSE_CONTRASTS)) put(w, 'contrast', 2);
  for (const w of words(CONCESSIONS)) put(w, 'concession', 1);
  return lex;
}

export const LEXICON_MAX_LEN = 6;
