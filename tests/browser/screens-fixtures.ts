/** The people and words of the screens' test halls; plain data, importable outside vitest (the benchmark). */

export const OFFICERS: Record<string, { name: string; badge: string }> = {
  "1": { name: "王建国", badge: "045123" },
  "2": { name: "李秀英", badge: "045207" },
  "3": { name: "陈志强", badge: "045318" },
  "4": { name: "刘海燕", badge: "045402" },
  "5": { name: "张伟", badge: "045511" },
  "6": { name: "赵明华", badge: "045026" },
};

export const NOTICE =
  "今日出入境业务办理至 17:00，身份证加急请到 6 号窗口咨询。请保管好随身财物，谨防电信诈骗。Exit-entry service closes at 17:00 today.";
