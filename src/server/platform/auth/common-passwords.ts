// Passwords that head published leak statistics (international top lists and the lists from
// Chinese site leaks: pinyin, lucky numbers, 5201314 "I love you for ever", keyboard walks and
// the "strong-looking" admin patterns that satisfy naive rules). Stored lowercase; the policy
// check compares case-insensitively.
const passwords = [
  // Digit runs and repetitions
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '123456789123', '0123456789',
  '12345', '1234', '123', '654321', '7654321', '87654321', '987654321', '9876543210',
  '111111', '1111111', '11111111', '111111111', '1111111111', '000000', '0000000', '00000000',
  '000000000', '0000000000', '222222', '22222222', '333333', '444444', '555555', '666666',
  '66666666', '777777', '7777777', '888888', '8888888', '88888888', '999999', '123123',
  '123123123', '123321', '123321123', '12344321', '112233', '11223344', '121212', '12121212',
  '131313', '12341234', '123456123', '123654', '123654789', '147258', '147258369', '147852',
  '147852369', '159753', '159357', '258369', '369369', '741852963', '789456123', '963852741',
  '31415926', '110110', '110110110', '119119', '120120', '19491001', '19970701', '20080808',
  // Lucky and love numbers common in China
  '5201314', '520520', '1314520', '520521', '5211314', '1314521', '52013141314', '168168',
  '518518', '666888', '888666', '168888', '1688888', '584520', '521521', '1314',
  // Letters and digits
  'a123456', 'a1234567', 'a12345678', 'a123456789', 'a12345', 'a111111', 'a11111', 'a000000',
  '123456a', '1234567a', '123456789a', '1234567890a', '123456b', '123456aa', 'aa123456', 'aa123456789',
  'aa12345678', 'aa111111', 'aa123123', 'abc123', 'abc1234', 'abc12345', 'abc123456', 'abc123abc',
  'abcd123', 'abcd1234', '1234abcd', '123abc', 'abcdef', 'abcdefg', 'abcdefgh', 'aaaaaa',
  'aaaaaaaa', 'aaa111', 'a5201314', 'abc5201314', 'qq123456', 'qq123456789', 'qq5201314', 'qq111111',
  'qq666666', 'qq123123', 'qq888888', 'zxc123', 'zxc123456', 'asd123', 'asd123456', 'qaz123',
  'wsx123', 'qwe123', '123qwe', 'qwe123456', '123qweasd', 'qweqwe', '123asd', 'asdasd',
  'asdasd123', 'zxcv1234', 'asdf1234', 'asdf123', 'qwer1234', '1234qwer', '12345qwert', 'qwert12345',
  // Keyboard walks
  'qwerty', 'qwerty1', 'qwerty12', 'qwerty123', 'qwertyui', 'qwertyuiop', 'azerty', 'qwertz',
  'asdfgh', 'asdfghjk', 'asdfghjkl', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'qazwsx123', 'qazwsxedc',
  'qweasd', 'qweasdzxc', 'qwerasdf', 'asdfqwer', 'zxcvasdf', '1q2w3e', '1q2w3e4r', '1q2w3e4r5t',
  'q1w2e3r4', 'q1w2e3r4t5', 'q1w2e3', '1qaz2wsx', '1qaz2wsx3edc', '1qazxsw2', '2wsx3edc', 'zaq12wsx',
  'zaq1xsw2', '!qaz2wsx', '!qaz@wsx', '1qaz@wsx', '1qaz!qaz', '1qaz2wsx!', '1q2w3e4r!', 'qwe123!@#',
  'qwe!@#123', '!@#123qwe', '1234qwer!', 'qwer!@#$', '!@#$%^', '!@#$%^&*', 'zaq!2wsx', 'qazwsxedcrfv',
  // "Complex" admin-style patterns that pass naive composition rules
  'password', 'password1', 'password12', 'password123', 'password!', 'password@123', 'password!@#', 'passw0rd',
  'passw0rd!', 'p@ssw0rd', 'p@ssw0rd1', 'p@ssword', 'p@ssw0rd123', 'pass@word1', 'pass123', 'pass1234',
  'admin', 'admin1', 'admin12', 'admin123', 'admin1234', 'admin12345', 'admin888', 'admin@123',
  'admin!@#', 'admin123!', 'admin@1234', 'administrator', 'root', 'root123', 'root@123', 'root!@#',
  'toor', 'test', 'test123', 'test1234', 'test@123', 'guest', 'user', 'user123',
  'changeme', 'default', 'secret', 'login', 'welcome', 'welcome1', 'welcome123', 'welcome@123',
  'a123456!', 'aa123456.', 'abc@123', 'abc!123', 'qwer@1234', 'asdf@1234', 'huawei', 'huawei123',
  'huawei@123', 'xiaomi', 'xiaomi123', 'sysadmin', 'system', 'manager', 'oracle', 'mysql',
  // Pinyin and Chinese words
  'woaini', 'woaini1314', 'woaini520', 'woaini521', 'woaini123', 'woainimama', 'woaiwojia', 'iloveyou520',
  'aini1314', 'woshishui', 'wodemima', 'mima', 'mima123', 'mima123456', 'nihao', 'nihao123',
  'nihaoma', 'zhangwei', 'wangwei', 'wangjian', 'liwei', 'zhang123', 'wang123', 'li123456',
  'xiaoming', 'xiaohong', 'laopo', 'laogong', 'laopo520', 'laogong520', 'baobei', 'baobei520',
  'baobei1314', 'tiantian', 'huanhuan', 'yangyang', 'jiajia', 'lili', 'xiaoxiao', 'weiwei',
  'meimei', 'zhongguo', 'zhongguo123', 'china', 'china123', 'beijing', 'beijing2008', 'shanghai',
  'shenzhen', 'dearbook', 'xiazhili', 'qingfeng', 'tianya', 'feifei', 'dandan', 'haha123',
  // International words and names
  'iloveyou', 'iloveyou1', 'iloveu', 'lovely', 'loveme', 'mylove', 'love', 'love123',
  'baby', 'babygirl', 'angel', 'princess', 'princess1', 'sunshine', 'dragon', 'dragon123',
  'monkey', 'letmein', 'letmein1', 'football', 'baseball', 'soccer', 'hockey', 'superman',
  'batman', 'starwars', 'master', 'shadow', 'michael', 'jennifer', 'jessica', 'ashley',
  'nicole', 'daniel', 'daniel1', 'andrew', 'michelle', 'charlie', 'george', 'thomas',
  'robert', 'william', 'joshua', 'jordan', 'jordan23', 'hunter', 'hunter2', 'trustno1',
  'harley', 'ranger', 'buster', 'killer', 'pepper', 'maggie', 'ginger', 'cheese',
  'computer', 'summer', 'flower', 'mustang', 'silver', 'dallas', 'yankees', 'hello',
  'hello123', 'freedom', 'whatever', 'access', 'internet', 'samsung', 'google', 'apple',
  '696969', '27653', 'abcabc', 'qwertyuiop123', 'asdfasdf', 'zxczxc', 'aaa123', 'a1b2c3',
  'a1b2c3d4', '1a2b3c', '1a2b3c4d', 'aa112233', 'abc112233', 'wocaonima', 'caonima', 'fuckyou',
]

/** Common passwords, lowercase, for the policy's blocklist check. */
export const commonPasswords: ReadonlySet<string> = new Set(passwords.map((p) => p.toLowerCase()))
