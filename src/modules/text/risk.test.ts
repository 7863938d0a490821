import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { riskCues } from './risk.js';
import { createTextService } from './service.js';

const cues = (t: string) => riskCues(normalizeText(t));

describe('riskCues', () => {
  it.each([
    ['再不退款我就打12315投诉你们', ['12315']],
    ['已经向消费者协会反映了', ['消协']],
    ['我去市场监督管理局举报你们', ['市场监管', '举报']],
    ['等着收律师函吧，法庭见', ['律师', '起诉']],
    ['准备联系媒体曝光你们这种黑店', ['媒体', '曝光']],
    ['已经给电视台记者打电话了', ['媒体', '记者']],
    ['店员动手打人，我已经报警了', ['报警']],
    ['吃完全家上吐下泻，怀疑食物中毒', ['食物中毒']],
    ['米饭里吃出了头发和钢丝', ['异物']],
    ['用了你们的面霜脸过敏了，起了一片红疹', ['过敏']],
    ['孩子被玩具的毛刺划伤了手', ['受伤']],
    ['我们几十个业主准备集体维权', ['集体', '维权']],
  ])('%s → %j', (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it('reads the usual variants: full-width and split digits, Chinese numerals', () => {
    expect(cues('打１２３１５')).toEqual(['12315']);
    expect(cues('我要打 1 2 3 1 5')).toEqual(['12315']);
    expect(cues('直接打1️⃣2️⃣3️⃣1️⃣5️⃣')).toContain('12315');
    expect(cues('打一二三一五去')).toEqual(['12315']);
    expect(cues('去消委会和市监局投诉')).toEqual(['消协', '市场监管']);
  });

  it('skips mentions that say the opposite or are product wording', () => {
    for (const t of [
      '用了一个月没有过敏，很温和',
      '请问敏感肌会过敏吗？',
      '这款是抗过敏配方吗',
      '夜景模式曝光补偿怎么调',
      '烟雾报警器多少钱一个',
      '我在做新媒体运营，想学习一下',
      '请问周日营业吗？',
      '订单号2024051812345，麻烦查一下',
      '这件衣服110元包邮吗',
    ]) expect(cues(t), t).toEqual([]);
  });

  it('is on every analysis the text service returns', () => {
    const text = createTextService();
    const [risky, plain] = text.analyze(['吃出异物，已经打了12315', '谢谢，已经收到了']);
    expect(risky.riskCues).toEqual(['异物', '12315']);
    expect(plain.riskCues).toEqual([]);
    expect(text.analyzeDetailed(['我要起诉你们'])[0].riskCues).toEqual(['起诉']);
  });
});
