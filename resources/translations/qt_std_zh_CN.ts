<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>全部保存</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>是(&amp;Y)</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>全部是(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>否(&amp;N)</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>全部否(&amp;O)</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>中止</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>忽略</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>重置</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <source>Don't Save</source>
      <translation>不保存</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>不保存并关闭</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>Look in:</source>
      <translation>查找范围：</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>文件类型：</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>打开(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>后退</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>前进</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>上级目录</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>新建文件夹</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>列表视图</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>详细视图</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>目录：</translation>
    </message>
    <message>
      <source>&amp;Choose</source>
      <translation>选择(&amp;C)</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>新建文件夹</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>重命名(&amp;R)</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>显示隐藏文件(&amp;H)</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>计算机</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>最近访问</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>另存为</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>修改日期</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>剪切(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>全选</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>剪切(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>全选</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Show Details...</source>
      <translation>显示详情…</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>隐藏详情…</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
  </context>
  <context>
    <name>QColorDialog</name>
    <message>
      <source>Select Color</source>
      <translation>选择颜色</translation>
    </message>
    <message>
      <source>&amp;Basic colors</source>
      <translation>基本颜色(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Custom colors</source>
      <translation>自定义颜色(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Add to Custom Colors</source>
      <translation>添加到自定义颜色(&amp;A)</translation>
    </message>
    <message>
      <source>Hu&amp;e:</source>
      <translation>色调(&amp;E)：</translation>
    </message>
    <message>
      <source>&amp;Sat:</source>
      <translation>饱和度(&amp;S)：</translation>
    </message>
    <message>
      <source>&amp;Val:</source>
      <translation>亮度(&amp;V)：</translation>
    </message>
    <message>
      <source>&amp;Red:</source>
      <translation>红(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Green:</source>
      <translation>绿(&amp;G)：</translation>
    </message>
    <message>
      <source>Bl&amp;ue:</source>
      <translation>蓝(&amp;U)：</translation>
    </message>
    <message>
      <source>A&amp;lpha channel:</source>
      <translation>透明度(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Pick Screen Color</source>
      <translation>拾取屏幕颜色(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;HTML:</source>
      <translation>&amp;HTML：</translation>
    </message>
  </context>
</TS>
