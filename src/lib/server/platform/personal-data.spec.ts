import { describe, expect, it } from 'vitest';
import { findPersonalData, inspectPersonalData, maskPersonalData } from './personal-data';

const kinds = (text: string) => findPersonalData(text).map((s) => [s.kind, s.text]);

describe('personal data', () => {
	it('masks the text the board once showed', () => {
		expect(maskPersonalData('我叫周八，电话13512345678，家住幸福村12号，门口路灯不亮')).toBe(
			'我叫周*，电话135****5678，家住幸福村**号，门口路灯不亮'
		);
	});

	it('finds mobile numbers with spaces, dashes and +86', () => {
		expect(kinds('电话 135 1234 5678')).toEqual([['mobile', '135 1234 5678']]);
		expect(kinds('手机135-1234-5678。')).toEqual([['mobile', '135-1234-5678']]);
		expect(maskPersonalData('+86 13912345678')).toBe('139****5678');
		expect(maskPersonalData('电话135 1234 5678')).toBe('电话135****5678');
		// Not a mobile: too long, or an ordinary number.
		expect(kinds('户号135123456789')).toEqual([]);
		expect(kinds('电压只有180伏，2024年停电12次')).toEqual([]);
	});

	it('finds landlines with and without the dash', () => {
		expect(kinds('请打0731-83212345')).toEqual([['landline', '0731-83212345']]);
		expect(kinds('请打073183212345')).toEqual([['landline', '073183212345']]);
		expect(maskPersonalData('010-12345678')).toBe('010-****5678');
	});

	it('finds 18-digit ID-card numbers, with X', () => {
		expect(kinds('身份证43018119900101123X')).toEqual([['id_card', '43018119900101123X']]);
		expect(maskPersonalData('430181199001011234')).toBe('430***********1234');
	});

	it('finds e-mail addresses', () => {
		expect(kinds('邮箱 zhou.ba@example.com 谢谢')).toEqual([['email', 'zhou.ba@example.com']]);
		expect(maskPersonalData('写信到 a@b.cn')).toBe('写信到 ***@***');
	});

	it('finds names after 我叫, 我是, 姓名 and 联系人', () => {
		expect(kinds('我叫周八，电话')).toEqual([['name', '周八']]);
		expect(kinds('我叫王小明想反映电压低')).toEqual([['name', '王小明']]);
		expect(kinds('姓名：欧阳娜娜')).toEqual([['name', '欧阳娜']]);
		expect(kinds('联系人李四 13800000000')).toEqual([
			['name', '李四'],
			['mobile', '13800000000']
		]);
		expect(kinds('我是张三，住在')).toEqual([['name', '张三']]);
		expect(maskPersonalData('我叫周八。')).toBe('我叫周*。');
		expect(maskPersonalData('联系人：王小明')).toBe('联系人：王**');
		// "我是" followed by what a person is, not who.
		expect(kinds('我是村民，希望修路')).toEqual([]);
		expect(kinds('我是一名教师')).toEqual([]);
	});

	it('finds house numbers after a village or street', () => {
		expect(kinds('幸福村12号')).toEqual([['house_number', '12']]);
		expect(maskPersonalData('建设路8号门口')).toBe('建设路*号门口');
		expect(maskPersonalData('人民街103-2号')).toBe('人民街*****号');
		// A number that is not a house number stays.
		expect(kinds('12号台区电压低')).toEqual([]);
		expect(kinds('幸福村的路灯')).toEqual([]);
	});

	it('leaves ordinary suggestions alone and reports spans with offsets', () => {
		const plain = '希望停电前提前三天发短信通知';
		expect(inspectPersonalData(plain)).toEqual({ spans: [], masked: plain });
		const [span] = findPersonalData('电话13512345678');
		expect(span).toMatchObject({ start: 2, end: 13, masked: '135****5678' });
		expect(inspectPersonalData(null)).toEqual({ spans: [], masked: '' });
		expect(maskPersonalData(null)).toBeNull();
	});
});
