/** The staff sign-in page (工作人员登录) and the bar a signed-in console carries. */
export const LOGIN = {
  title: { zh: "工作人员登录", en: "Staff sign-in" },
  badge: { zh: "警号", en: "Badge number" },
  password: { zh: "密码", en: "Password" },
  signIn: { zh: "登录", en: "Sign in" },
  note: { zh: "账号和密码由大厅管理员在「人员」页设置", en: "Your hall's manager sets accounts and passwords on the Staff tab" },
  chooseWindow: { zh: "选择窗口", en: "Choose your window" },
  window: { zh: "号窗口 · {label}", en: "Window {number}" },
  windowOnDuty: { zh: "号窗口 · {label}", en: "Window {number} · on duty: {officer}" },
  signedIn: { zh: "已登录 · {access}", en: "signed in · {access}" },
  managerConsole: { zh: "管理台", en: "manager console" },
  windowTerminal: { zh: "窗口终端", en: "window terminal" },
  signOut: { zh: "退出登录", en: "Sign out" },
} as const;

/** What login.js and session.js say. */
export const LOGIN_SCRIPT = {
  left: { zh: "剩余 {time}", en: "{time} left" },
  tryAgain: { zh: "可以再试一次", en: "You can try again now" },
  chooseWho: { zh: "请选择您所在的窗口，选定即签到", en: "choose the window you work at: choosing it signs you in there" },
  enterBadge: { zh: "请输入警号", en: "Enter your badge number" },
  enterPassword: { zh: "请输入密码", en: "Enter your password" },
  unreachable: { zh: "无法连接大厅，请检查网络后重试", en: "The hall could not be reached; check the network and try again" },
  failed: { zh: "登录失败", en: "Sign-in failed ({status})" },
  signOutFailed: { zh: "未能退出登录，请重试", en: "Could not sign out; try again" },
} as const;
